import { describe, expect, it } from 'vitest';
import { ChannelPacer } from '../../src/slack/pacer.js';

describe('ChannelPacer', () => {
  it('spaces posts to one channel by the interval and lets other channels go at once', async () => {
    let now = 1_000;
    const slept: number[] = [];
    const pacer = new ChannelPacer(
      1_000,
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
    );
    await pacer.wait('C1');
    await pacer.wait('C1');
    await pacer.wait('C2');
    await pacer.wait('C1');
    expect(slept).toEqual([1_000, 1_000]);
  });
});
