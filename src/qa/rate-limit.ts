import { randomUUID } from 'node:crypto';
import type { LockStore } from '../store/index.js';

const WINDOW_MS = 60_000;

export const RATE_LIMITED_MESSAGE =
  "You've asked several questions in the last minute. Give me a moment and ask again shortly.";

/**
 * Takes one of the user's `perMinute` question slots for the next minute. Each slot is a store
 * lease, so the limit holds across replicas without a read-modify-write race.
 */
export async function takeQuestionSlot(
  locks: LockStore,
  userId: string,
  perMinute: number,
): Promise<boolean> {
  const owner = randomUUID();
  for (let slot = 0; slot < perMinute; slot++) {
    if (await locks.acquire(`qa-rate:${userId}:${slot}`, owner, WINDOW_MS)) return true;
  }
  return false;
}
