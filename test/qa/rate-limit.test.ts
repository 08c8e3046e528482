import { describe, expect, it } from 'vitest';
import { takeQuestionSlot } from '../../src/qa/rate-limit.js';
import { MemoryLockStore } from '../../src/store/locks.js';

describe('takeQuestionSlot', () => {
  it('allows the configured number of questions per minute per user, then frees a slot after a minute', async () => {
    let now = 0;
    const locks = new MemoryLockStore(() => now);
    for (let i = 0; i < 3; i++) expect(await takeQuestionSlot(locks, 'U1', 3)).toBe(true);
    expect(await takeQuestionSlot(locks, 'U1', 3)).toBe(false);
    expect(await takeQuestionSlot(locks, 'U2', 3)).toBe(true);
    now = 60_001;
    expect(await takeQuestionSlot(locks, 'U1', 3)).toBe(true);
  });
});
