import { sleepUnlessStopped } from './abortable.js';

/**
 * Spaces posts to one channel about `intervalMs` apart (Slack allows roughly one message per
 * second per channel); different channels do not wait for each other.
 */
export class ChannelPacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly intervalMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when the next post to `channelId` may go out, and books the slot after it. */
  async wait(channelId: string, signal: AbortSignal = new AbortController().signal): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot.get(channelId) ?? 0);
    this.nextSlot.set(channelId, slot + this.intervalMs);
    if (slot > now) await sleepUnlessStopped(slot - now, signal);
  }
}
