import { describe, expect, it } from 'vitest';
import { runBoardBench } from '../../bench/board.js';

describe('board bench', () => {
  it('finds an expected paper in the top three for at least 90% of the cases and refuses every identifying line', async () => {
    const figures = await runBoardBench();
    console.log('board bench', JSON.stringify(figures));
    expect(figures.cases).toBeGreaterThanOrEqual(15);
    expect(figures.top3Rate).toBeGreaterThanOrEqual(0.9);
    expect(figures.phiLines).toBeGreaterThanOrEqual(10);
    expect(figures.phiRefused).toBe(figures.phiLines);
    expect(figures.cleanAccepted).toBe(figures.cleanLines);
    expect(figures.liveRequests).toBeGreaterThan(0);
  }, 60_000);
});
