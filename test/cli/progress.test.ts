import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function recorder(isTTY: boolean) {
  let now = 0;
  const writes: string[] = [];
  const progress = createProgress({
    label: 'Loading',
    unit: 'papers',
    write: (text) => writes.push(text),
    isTTY,
    clock: () => now,
  });
  return { progress, writes, advance: (ms: number) => (now += ms) };
}

describe('createProgress', () => {
  it('redraws one terminal line with count, rate and ETA', () => {
    const { progress, writes, advance } = recorder(true);
    advance(2000);
    progress.update(500, 0.5);
    expect(writes).toEqual(['\r\u001b[2KLoading: 500 papers (50%) · 250 papers/s · ETA 2s']);
    progress.update(501, 0.5);
    expect(writes).toHaveLength(1);
    progress.finish(1000);
    expect(writes.at(-1)).toBe('\r\u001b[2KLoading: 1,000 papers in 2.0s\n');
  });

  it('prints a plain line per quarter when not on a terminal', () => {
    const { progress, writes, advance } = recorder(false);
    for (let step = 1; step <= 10; step += 1) {
      advance(100);
      progress.update(step * 100, step / 10);
    }
    progress.finish(1000);
    expect(writes).toHaveLength(4);
    expect(writes.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(writes[0]).toBe('Loading: 300 papers (30%) · 1,000 papers/s · ETA 1s\n');
  });
});
