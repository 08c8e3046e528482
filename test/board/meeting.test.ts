import { describe, expect, it } from 'vitest';
import { boardDuty, parseMeetingTime } from '../../src/board/meeting.js';

const THURSDAY_4PM_CHICAGO = { cron: '0 16 * * 4', timezone: 'America/Chicago' };

describe('parseMeetingTime', () => {
  it('reads a day, a time and a zone', () => {
    expect(parseMeetingTime('thu 16:00 America/Chicago', 'UTC')).toEqual(THURSDAY_4PM_CHICAGO);
  });

  it('explains a bad time with a board example', () => {
    expect(() => parseMeetingTime('thu 4pm', 'UTC')).toThrow(/HH:MM.*\/lit board time/);
    expect(() => parseMeetingTime('off', 'UTC')).toThrow(/Say when the board meets/);
  });
});

describe('boardDuty', () => {
  const agenda = (addedAt: string) => ({
    channelId: 'C1',
    cases: [{ text: 'AML', addedAt }],
    meeting: THURSDAY_4PM_CHICAGO,
    clearAfterMeeting: true,
  });

  it('waits until the lead time before the meeting', () => {
    // Thursday 2026-12-03 16:00 Chicago is 22:00 UTC.
    expect(boardDuty(agenda('2026-11-30T10:00:00Z'), new Date('2026-12-02T21:00:00Z'), 24).kind).toBe('none');
  });

  it('posts the brief once inside the lead window, with an id of channel and meeting date', () => {
    const duty = boardDuty(agenda('2026-11-30T10:00:00Z'), new Date('2026-12-02T22:30:00Z'), 24);
    expect(duty).toEqual({
      kind: 'post-brief',
      meetingAt: new Date('2026-12-03T22:00:00Z'),
      briefId: 'C1:board-2026-12-03',
    });
  });

  it('clears cases added before a meeting once it has passed', () => {
    const duty = boardDuty(agenda('2026-11-30T10:00:00Z'), new Date('2026-12-03T23:00:00Z'), 24);
    expect(duty).toEqual({ kind: 'clear-agenda', meetingAt: new Date('2026-12-03T22:00:00Z') });
  });

  it('keeps the cases when clearing is turned off', () => {
    const kept = { ...agenda('2026-11-30T10:00:00Z'), clearAfterMeeting: false };
    expect(boardDuty(kept, new Date('2026-12-03T23:00:00Z'), 24).kind).toBe('none');
  });
});
