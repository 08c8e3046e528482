import { describe, expect, it } from 'vitest';
import { escapeBold } from '../../../src/slack/blocks/escape.js';
import { periodLabel } from '../../../src/slack/blocks/period-label.js';

describe('periodLabel', () => {
  it('reads an ISO week as the week of its Monday', () => {
    expect(periodLabel({ period: '2026-W48', generatedAt: '2026-11-23T13:30:00.000Z' })).toBe(
      'week of 23 Nov 2026',
    );
    expect(periodLabel({ period: '2026-W01', generatedAt: '2025-12-29T13:30:00.000Z' })).toBe(
      'week of 29 Dec 2025',
    );
  });

  it('reads a preview as the week it was built in, never as its timestamp', () => {
    const label = periodLabel({ period: 'preview-1795900621542', generatedAt: '2026-11-26T10:00:00.000Z' });
    expect(label).toBe('preview, week of 23 Nov 2026');
  });
});

describe('escapeBold', () => {
  it('drops the space before a colon that would leave the bold asterisks showing', () => {
    const title =
      'BCRABL transcript detection by quantitative real-time PCR : are correlated results possible?';
    expect(escapeBold(title)).toBe(
      'BCRABL transcript detection by quantitative real-time PCR: are correlated results possible?',
    );
  });
});
