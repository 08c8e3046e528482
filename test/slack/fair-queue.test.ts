import { describe, expect, it } from 'vitest';
import { createFairQueue } from '../../src/slack/fair-queue.js';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createFairQueue', () => {
  it('answers a second user while the first user’s slow command is still running', async () => {
    const queue = createFairQueue(4);
    const preview = deferred();
    const events: string[] = [];
    const slow = queue.run('U_PREVIEW', async () => {
      await preview.promise;
      events.push('preview done');
    });
    await queue.run('U_SEARCH', async () => void events.push('search done'));
    preview.resolve();
    await slow;
    expect(events).toEqual(['search done', 'preview done']);
  });

  it('runs one user’s commands one at a time, in the order they came', async () => {
    const queue = createFairQueue(4);
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${name}`);
    };
    await Promise.all([queue.run('U1', job('a')), queue.run('U1', job('b'))]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('never runs more jobs than the pool holds, and reports how many wait', async () => {
    const depths: number[] = [];
    const queue = createFairQueue(2, (waiting) => depths.push(waiting));
    const gate = deferred();
    let running = 0;
    let peak = 0;
    const job = async () => {
      running++;
      peak = Math.max(peak, running);
      await gate.promise;
      running--;
    };
    const all = ['U1', 'U2', 'U3', 'U4'].map((user) => queue.run(user, job));
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.waiting()).toBe(2);
    gate.resolve();
    await Promise.all(all);
    expect(peak).toBe(2);
    expect(queue.waiting()).toBe(0);
    expect(depths.at(-1)).toBe(0);
  });

  it('gives the next free slot to a user who has not had a turn, ahead of a user with a backlog', async () => {
    const queue = createFairQueue(1);
    const order: string[] = [];
    const job = (name: string) => async () => void order.push(name);
    await Promise.all([
      queue.run('U_BURST', job('burst 1')),
      queue.run('U_BURST', job('burst 2')),
      queue.run('U_BURST', job('burst 3')),
      queue.run('U_OTHER', job('other 1')),
    ]);
    expect(order).toEqual(['burst 1', 'other 1', 'burst 2', 'burst 3']);
  });

  it('lets timers and I/O callbacks run between two queued CPU-bound jobs', async () => {
    const queue = createFairQueue(1);
    const events: string[] = [];
    const busy = (name: string, during?: () => void) => async () => {
      events.push(name);
      during?.();
      const until = Date.now() + 20;
      while (Date.now() < until);
    };
    // The timer is set once the first job runs: set before, it would race the job's own start.
    const first = queue.run(
      'U1',
      busy('first job', () => setTimeout(() => events.push('timer'), 0)),
    );
    const second = queue.run('U2', busy('second job'));
    await Promise.all([first, second]);
    expect(events).toEqual(['first job', 'timer', 'second job']);
  });

  it('keeps going after a job fails', async () => {
    const queue = createFairQueue(1);
    await expect(queue.run('U1', () => Promise.reject(new Error('feed down')))).rejects.toThrow('feed down');
    expect(await queue.run('U1', async () => 'next')).toBe('next');
  });
});
