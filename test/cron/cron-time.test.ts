import { describe, expect, it } from 'vitest';
import { nextFireTime, parseCron, previousFireTime } from '../../src/cron/cron-time.js';
import { InvalidInputError } from '../../src/errors.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHICAGO = 'America/Chicago';

describe('previousFireTime', () => {
  it('finds Monday 07:30 Chicago in standard and in daylight time', () => {
    expect(
      previousFireTime('30 7 * * 1', CHICAGO, new Date('2026-03-03T00:00:00Z'), 8 * DAY)?.toISOString(),
    ).toBe('2026-03-02T13:30:00.000Z');
    expect(
      previousFireTime('30 7 * * 1', CHICAGO, new Date('2026-03-10T00:00:00Z'), 8 * DAY)?.toISOString(),
    ).toBe('2026-03-09T12:30:00.000Z');
  });

  it('fires a time skipped by spring-forward at the instant the clock jumps to', () => {
    // 2026-03-08 02:30 does not exist in Chicago; clocks go from 02:00 CST to 03:00 CDT (08:00Z).
    expect(
      previousFireTime('30 2 * * 0', CHICAGO, new Date('2026-03-08T12:00:00Z'), DAY)?.toISOString(),
    ).toBe('2026-03-08T08:30:00.000Z');
  });

  it('fires a time repeated by fall-back once, at its first occurrence', () => {
    // 2026-11-01 01:30 happens at 06:30Z (CDT) and again at 07:30Z (CST).
    const after = new Date('2026-11-01T12:00:00Z');
    expect(previousFireTime('30 1 * * 0', CHICAGO, after, DAY)?.toISOString()).toBe(
      '2026-11-01T06:30:00.000Z',
    );
    expect(nextFireTime('30 1 * * 0', CHICAGO, new Date('2026-11-01T06:30:00Z'))?.toISOString()).toBe(
      '2026-11-08T07:30:00.000Z',
    );
  });

  it('returns nothing when the last fire time is older than the look-back window', () => {
    expect(previousFireTime('30 7 * * 1', CHICAGO, new Date('2026-03-05T00:00:00Z'), DAY)).toBeUndefined();
  });

  it('includes a fire time exactly at the reference instant', () => {
    const at = new Date('2026-11-30T13:30:00Z');
    expect(previousFireTime('30 7 * * 1', CHICAGO, at, HOUR)?.toISOString()).toBe(at.toISOString());
  });
});

describe('nextFireTime', () => {
  it('steps over the skipped hour to the next real week', () => {
    expect(nextFireTime('30 7 * * 1', CHICAGO, new Date('2026-03-02T13:30:00Z'))?.toISOString()).toBe(
      '2026-03-09T12:30:00.000Z',
    );
  });

  it('handles zones east of UTC whose local day differs from the UTC day', () => {
    expect(nextFireTime('0 8 * * *', 'Asia/Tokyo', new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe(
      '2026-11-25T23:00:00.000Z',
    );
  });
});

describe('parseCron', () => {
  it.each(['61 7 * * 1', '* * * *', 'every monday', '0 0 7 * * 1'])(
    'rejects "%s" with an example',
    (expression) => {
      expect(() => parseCron(expression)).toThrowError(InvalidInputError);
      try {
        parseCron(expression);
      } catch (error) {
        expect((error as InvalidInputError).example).toMatch(/^\/lit schedule /);
      }
    },
  );

  it('treats 7 as Sunday like cron does', () => {
    expect(parseCron('0 7 * * 7').daysOfWeek).toEqual([0]);
  });
});
