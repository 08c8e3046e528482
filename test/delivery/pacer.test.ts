import { describe, expect, it } from 'vitest';
import { DeliveryStopped } from '../../src/delivery/abortable.js';
import { ChannelPacer } from '../../src/delivery/pacer.js';

describe('ChannelPacer', () => {
  it('spaces posts to one channel by the interval and lets other channels go at once', async () => {
    let now = 1_000;
    const pacer = new ChannelPacer(40, () => now);
    const started = performance.now();
    await pacer.wait('C1');
    await pacer.wait('C1');
    now += 40;
    await pacer.wait('C2');
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    const beforeOther = performance.now();
    await pacer.wait('C3');
    expect(performance.now() - beforeOther).toBeLessThan(30);
  });

  it('ends a wait at once when shutdown aborts it', async () => {
    const pacer = new ChannelPacer(60_000);
    const stop = new AbortController();
    await pacer.wait('C1', stop.signal);
    const waiting = pacer.wait('C1', stop.signal);
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(DeliveryStopped);
  });
});
