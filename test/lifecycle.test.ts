import { describe, expect, it } from 'vitest';
import { stopGracefully } from '../src/lifecycle.js';
import { silentLogger } from '../src/log.js';

const never = () => new Promise<void>(() => undefined);

describe('stopGracefully', () => {
  it('starts the drain before stopping the receiver and the jobs, and closes the store last', async () => {
    const order: string[] = [];
    const clean = await stopGracefully(
      {
        jobs: {
          drain: async (deadlineMs) => void order.push(`drain ${deadlineMs}`),
          stop: async () => void order.push('jobs'),
        },
        slack: { stop: async () => void order.push('slack') },
        store: { close: async () => void order.push('store') },
      },
      silentLogger,
      200,
    );
    expect(clean).toBe(true);
    expect(order).toEqual(['drain 200', 'jobs', 'slack', 'store']);
  });

  it('does not wait for a job run still blocked on a send once the drain is over', async () => {
    const started = performance.now();
    const clean = await stopGracefully(
      {
        jobs: { drain: async () => undefined, stop: never },
        slack: { stop: async () => undefined },
        store: { close: async () => undefined },
      },
      silentLogger,
      5_000,
    );
    expect(clean).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('finishes by its deadline when Slack and the receiver hang', async () => {
    const closed: string[] = [];
    const started = performance.now();
    const clean = await stopGracefully(
      {
        jobs: { drain: never, stop: never },
        slack: { stop: never },
        store: { close: async () => void closed.push('store') },
      },
      silentLogger,
      100,
    );
    expect(clean).toBe(false);
    expect(closed).toEqual(['store']);
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('keeps going when a step fails and reports it', async () => {
    const closed: string[] = [];
    const clean = await stopGracefully(
      {
        jobs: {
          drain: async () => void closed.push('posts'),
          stop: async () => Promise.reject(new Error('cron')),
        },
        slack: { stop: async () => void closed.push('slack') },
        store: { close: async () => void closed.push('store') },
      },
      silentLogger,
      100,
    );
    expect(clean).toBe(false);
    expect(closed).toEqual(['posts', 'slack', 'store']);
  });
});
