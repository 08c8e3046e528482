import { describe, expect, it } from 'vitest';
import { createCallLimiter } from '../../src/llm/call-limiter.js';
import { createTokenBudget } from '../../src/llm/token-budget.js';

describe('createCallLimiter', () => {
  it('never runs more tasks at once than the limit, and runs them all', async () => {
    const limiter = createCallLimiter(2);
    let active = 0;
    let peak = 0;
    let finished = 0;
    const gates: (() => void)[] = [];
    const tasks = Array.from({ length: 6 }, (_, i) =>
      limiter.run(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => gates.push(resolve));
        active -= 1;
        finished += 1;
        return i;
      }),
    );
    while (finished < 6) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createCallLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });
});

describe('createTokenBudget', () => {
  it('refuses a reservation that would exceed the limit, counting open reservations', () => {
    const budget = createTokenBudget(1_000);
    expect(budget.tryReserve(600)).toBe(true);
    expect(budget.tryReserve(600)).toBe(false);
    budget.settle(600, 300);
    expect(budget.spent()).toBe(300);
    expect(budget.tryReserve(600)).toBe(true);
  });
});
