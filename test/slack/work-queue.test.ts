import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAckFirstQueue, createTurnPacer, MAX_HOLD_MS, QUIET_MS } from '../../src/slack/work-queue.js';

describe('createTurnPacer', () => {
  it('lets timers and I/O callbacks run between two paced CPU-bound jobs', async () => {
    const pace = createTurnPacer();
    const events: string[] = [];
    const busy = (name: string) => () => {
      events.push(name);
      const until = Date.now() + 20;
      while (Date.now() < until);
    };
    const done = new Promise<void>((resolve) => {
      pace(busy('first job'));
      pace(busy('second job'));
      pace(resolve);
    });
    setTimeout(() => events.push('timer'), 0);
    await done;
    expect(events).toEqual(['first job', 'timer', 'second job']);
  });

  it('starts the next job without waiting for the one before to end', async () => {
    const pace = createTurnPacer();
    const events: string[] = [];
    let release = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    await new Promise<void>((resolve) => {
      pace(async () => {
        events.push('start a');
        await blocked;
        events.push('end a');
      });
      pace(() => {
        events.push('start b');
        resolve();
      });
    });
    expect(events).toEqual(['start a', 'start b']);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['start a', 'start b', 'end a']);
  });
});

describe('createAckFirstQueue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds commands while requests keep arriving and hands them on once arrivals pause', async () => {
    vi.useFakeTimers();
    let clock = 0;
    const queue = createAckFirstQueue(() => clock);
    const started: string[] = [];
    queue.arrived();
    queue.add(async () => {
      started.push('first');
    });
    for (let i = 0; i < 10; i++) {
      clock += QUIET_MS - 1;
      await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
      queue.arrived();
    }
    expect(started).toEqual([]);
    clock += QUIET_MS;
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(started).toEqual(['first']);
  });

  it('hands commands on after MAX_HOLD_MS even if requests never stop arriving', async () => {
    vi.useFakeTimers();
    let clock = 0;
    const queue = createAckFirstQueue(() => clock);
    const started: string[] = [];
    queue.add(async () => {
      started.push('held');
    });
    while (clock < MAX_HOLD_MS + QUIET_MS) {
      queue.arrived();
      clock += 1;
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(started).toEqual(['held']);
  });
});
