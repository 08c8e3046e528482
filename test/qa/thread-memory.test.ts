import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { ThreadMemory } from '../../src/qa/thread-memory.js';
import { openStore } from '../../src/store/index.js';

const TURN = { role: 'user' as const, text: 'what was the relapse rate after HSCT?' };

describe('thread memory retention (THREAD_MEMORY_DAYS)', () => {
  afterEach(() => vi.useRealTimers());

  it('forgets a thread’s turns once the retention has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T09:00:00Z'));
    const store = await openStore({ memory: true });
    const memory = new ThreadMemory(store, loadConfig({ THREAD_MEMORY_DAYS: '2' }).threadMemoryDays);
    await memory.append('C1', '1764000000.000100', [TURN]);
    vi.setSystemTime(new Date('2026-12-02T09:00:00Z'));
    expect(await memory.turns('C1', '1764000000.000100')).toEqual([TURN]);
    vi.setSystemTime(new Date('2026-12-03T09:00:01Z'));
    expect(await memory.turns('C1', '1764000000.000100')).toEqual([]);
    await store.close();
  });

  it('keeps nothing when set to 0', async () => {
    const store = await openStore({ memory: true });
    const memory = new ThreadMemory(store, loadConfig({ THREAD_MEMORY_DAYS: '0' }).threadMemoryDays);
    await memory.append('C1', '1764000000.000100', [TURN]);
    expect(await memory.turns('C1', '1764000000.000100')).toEqual([]);
    await store.close();
  });
});
