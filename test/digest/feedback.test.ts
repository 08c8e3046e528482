import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFeedback, recordFeedback } from '../../src/digest/feedback.js';
import { openStore, type Store } from '../../src/store/index.js';

let store: Store;
beforeEach(async () => {
  store = await openStore({ memory: true });
});
afterEach(async () => {
  await store.close();
});

describe('channel feedback', () => {
  it('keeps each member’s latest vote and takes the majority per paper', async () => {
    await recordFeedback(store, 'C1', 'pmid:1', 'relevant', 'U1');
    await recordFeedback(store, 'C1', 'pmid:1', 'not-relevant', 'U1');
    await recordFeedback(store, 'C1', 'pmid:2', 'relevant', 'U1');
    await recordFeedback(store, 'C1', 'pmid:2', 'relevant', 'U2');
    await recordFeedback(store, 'C1', 'pmid:2', 'not-relevant', 'U3');
    await recordFeedback(store, 'C1', 'pmid:3', 'relevant', 'U1');
    await recordFeedback(store, 'C1', 'pmid:3', 'not-relevant', 'U2');
    expect(await loadFeedback(store, 'C1')).toEqual({ relevant: ['pmid:2'], notRelevant: ['pmid:1'] });
  });

  it('keeps channels apart', async () => {
    await recordFeedback(store, 'C1', 'pmid:1', 'relevant', 'U1');
    expect(await loadFeedback(store, 'C2')).toEqual({ relevant: [], notRelevant: [] });
  });

  it('rejects a vote that is neither relevant nor not-relevant', async () => {
    await expect(recordFeedback(store, 'C1', 'pmid:1', 'maybe' as never, 'U1')).rejects.toThrow(/relevant/);
  });

  it('keeps only the most recent 300 votes of a channel', async () => {
    for (let index = 0; index < 305; index += 1)
      await recordFeedback(store, 'C1', `pmid:${index}`, 'relevant', 'U1');
    const { relevant } = await loadFeedback(store, 'C1');
    expect(relevant).toHaveLength(300);
    expect(relevant[0]).toBe('pmid:5');
  });
});
