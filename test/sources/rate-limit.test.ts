import { describe, expect, it } from 'vitest';
import { createRateLimiter, sharedNcbiLimiter } from '../../src/sources/rate-limit.js';

/** A frozen fake clock: sleeps are recorded, not waited, so spacing is observable without time passing. */
function fakeClock() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => void sleeps.push(ms),
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

describe('createRateLimiter', () => {
  it('spaces concurrent callers 1/perSecond apart (NCBI without a key: 3/s)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 3, now: clock.now, sleep: clock.sleep });
    await Promise.all(Array.from({ length: 7 }, () => limiter.acquire()));
    const waits = [...clock.sleeps].sort((a, b) => a - b);
    expect(waits.map(Math.round)).toEqual([333, 667, 1000, 1333, 1667, 2000]);
  });

  it('lets a request through at once after a quiet period', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 10, now: clock.now, sleep: clock.sleep });
    await limiter.acquire();
    clock.advance(5_000);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
  });
});

describe('sharedNcbiLimiter', () => {
  it('is one limiter per rate, shared by every caller', () => {
    expect(sharedNcbiLimiter(undefined)).toBe(sharedNcbiLimiter(undefined));
    expect(sharedNcbiLimiter('abcdef0123456789abcdef')).not.toBe(sharedNcbiLimiter(undefined));
  });
});
