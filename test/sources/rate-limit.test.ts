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

/**
 * Virtual time: sleeps become timers that `run` fires in order. `stall` moves the clock on
 * without firing timers, as a busy event loop does, so callers whose turn fell inside it
 * all wake at its end.
 */
function virtualClock() {
  let now = 0;
  const timers: Array<{ at: number; resolve: () => void }> = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((resolve) => void timers.push({ at: now + ms, resolve })),
    stall: (ms: number) => {
      now += ms;
    },
    async run() {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        timers.sort((a, b) => a.at - b.at);
        const timer = timers.shift();
        if (!timer) return;
        now = Math.max(now, timer.at);
        timer.resolve();
      }
    },
  };
}

describe('createRateLimiter', () => {
  it('never releases more than the window allows when callers wake late, and catches up after', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({
      perSecond: 3 / 1.1,
      window: { requests: 3, ms: 1100 },
      now: clock.now,
      sleep: clock.sleep,
    });
    const released: number[] = [];
    const callers = Array.from({ length: 8 }, (_, i) =>
      limiter.acquire().then(() => {
        released.push(clock.now());
        if (i === 0) clock.stall(800);
      }),
    );
    await clock.run();
    await Promise.all(callers);
    for (const [i, at] of released.slice(3).entries()) {
      expect(at - (released[i] as number)).toBeGreaterThanOrEqual(1100);
    }
    // The two callers due inside the stall leave together at its end; the next one keeps its own slot.
    expect(released.slice(0, 4).map(Math.round)).toEqual([0, 800, 800, 1100]);
  });

  it('widens the window by the extra time asked for while the event loop is busy', async () => {
    const clock = virtualClock();
    let busyMs = 0;
    const limiter = createRateLimiter({
      perSecond: 3 / 1.1,
      window: { requests: 3, ms: 1100 },
      extraWindowMs: () => busyMs,
      now: clock.now,
      sleep: clock.sleep,
    });
    const released: number[] = [];
    const callers = Array.from({ length: 4 }, () => limiter.acquire().then(() => released.push(clock.now())));
    busyMs = 250;
    await clock.run();
    await Promise.all(callers);
    expect((released[3] as number) - (released[0] as number)).toBeGreaterThanOrEqual(1350);
  });

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
