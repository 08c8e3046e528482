import { describe, expect, it } from 'vitest';
import { digestPeriod } from '../../src/digest/period.js';

describe('digestPeriod', () => {
  it('is the ISO week of the channel’s local date', () => {
    // Sunday 2026-11-29 23:30 in Chicago is already Monday of the next ISO week in UTC and Sydney.
    const instant = new Date('2026-11-30T05:30:00Z');
    expect(digestPeriod(instant, 'America/Chicago')).toBe('2026-W48');
    expect(digestPeriod(instant, 'Australia/Sydney')).toBe('2026-W49');
    expect(digestPeriod(instant, 'UTC')).toBe('2026-W49');
  });

  it('uses the ISO week-year around New Year', () => {
    expect(digestPeriod(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
  });
});
