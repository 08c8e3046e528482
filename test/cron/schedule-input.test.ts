import { describe, expect, it } from 'vitest';
import { describeSchedule, parseScheduleInput } from '../../src/cron/schedule-input.js';
import { InvalidInputError } from '../../src/errors.js';

describe('parseScheduleInput', () => {
  it('turns a day, a time and a zone into a cron schedule', () => {
    expect(parseScheduleInput('mon 07:30 America/Chicago', 'UTC')).toEqual({
      cron: '30 7 * * 1',
      timezone: 'America/Chicago',
    });
    expect(parseScheduleInput('Friday 7:05', 'Europe/Paris')).toEqual({
      cron: '5 7 * * 5',
      timezone: 'Europe/Paris',
    });
    expect(parseScheduleInput('weekdays 18:00', 'UTC')).toEqual({ cron: '0 18 * * 1-5', timezone: 'UTC' });
  });

  it('accepts a five-field cron expression with an optional zone', () => {
    expect(parseScheduleInput('0 8 * * 2 Asia/Tokyo', 'UTC')).toEqual({
      cron: '0 8 * * 2',
      timezone: 'Asia/Tokyo',
    });
  });

  it('reads "off" as no schedule', () => {
    expect(parseScheduleInput('off', 'UTC')).toBeNull();
  });

  it.each([
    ['mon 07:30 Mars/Olympus', /time zone/],
    ['mon 7.30', /HH:MM/],
    ['mon 25:00', /HH:MM/],
    ['someday 07:30', /not a day/],
    ['61 7 * * 1', /cron/],
    ['', /when/],
  ])('explains what is wrong with "%s" and shows an example', (input, message) => {
    try {
      parseScheduleInput(input, 'UTC');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).userMessage).toMatch(message);
      expect((error as InvalidInputError).example).toBeTruthy();
    }
  });
});

describe('describeSchedule', () => {
  it('reads a day schedule back in words and shows other expressions as cron', () => {
    expect(describeSchedule({ cron: '30 7 * * 1', timezone: 'America/Chicago' })).toBe(
      'Mondays at 07:30 (America/Chicago)',
    );
    expect(describeSchedule({ cron: '0 8 1 * *', timezone: 'UTC' })).toBe('`0 8 1 * *` (UTC)');
    expect(describeSchedule(null)).toBe('off');
  });
});
