import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi } from '../../bench/fakes/fake-openai.js';
import { loadConfig } from '../../src/config/index.js';
import { createLlmClient } from '../../src/llm/client.js';
import type { LlmClient } from '../../src/llm/types.js';
import { silentLogger } from '../../src/log.js';
import { corpusTermStats } from '../../src/qa/corpus-stats.js';
import { retrievePassages } from '../../src/qa/retrieve.js';
import type { TermStats } from '../../src/qa/terms.js';
import type { PaperIndex } from '../../src/search/paper-index.js';
import type { Store } from '../../src/store/index.js';
import type { Paper } from '../../src/types.js';
import { JMML_ID, openCorpus } from './corpus.js';

let store: Store;
let index: PaperIndex;
let papers: Paper[];
let stats: TermStats;

beforeAll(async () => {
  ({ store, index, papers } = await openCorpus(40));
  stats = await corpusTermStats(store, index);
});
afterAll(async () => {
  await store.close();
});

const noScope = { focusPaperIds: [], threadPaperIds: [] };

describe('retrievePassages', () => {
  it("ranks the thread's papers first for a question that does not name them", async () => {
    const question = 'what was the relapse rate?';
    const unscoped = await retrievePassages(
      { store, index, stats, logger: silentLogger },
      { question, scope: noScope },
    );
    const ranked = await retrievePassages(
      { store, index, stats, logger: silentLogger },
      { question, scope: { focusPaperIds: [], threadPaperIds: [JMML_ID] } },
    );
    expect(ranked[0]?.paper.id).toBe(JMML_ID);
    // Being in the thread lifts the paper's passages over where the corpus search alone puts them.
    const unscopedScore = unscoped.find((r) => r.paper.id === JMML_ID)?.score ?? 0;
    expect(ranked[0]?.score).toBeGreaterThan(unscopedScore);
    expect(ranked[0]?.passage.text).toContain('approaches 50% within 5 years');
  });

  it('never uses a retracted paper as evidence, even when it is in the thread', async () => {
    const retracted = { ...(papers[1] as Paper), retracted: true };
    const scoped = await retrievePassages(
      {
        store: {
          ...store,
          papers: { ...store.papers, getMany: async () => [retracted] },
        } as unknown as Store,
        index: { search: async () => [] },
        stats,
        logger: silentLogger,
      },
      { question: retracted.title, scope: { focusPaperIds: [retracted.id], threadPaperIds: [] } },
    );
    expect(scoped).toEqual([]);
  });

  it('re-ranks with embeddings when a model is configured, caching the vectors in the store', async () => {
    const fake = await startFakeOpenAi();
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_EMBEDDING_MODEL: 'text-embedding-3-small',
      });
      const llm = createLlmClient(config, store, silentLogger, { maxRetries: 0 }) as LlmClient;
      const query = { question: 'What is the relapse rate after HSCT for JMML?', scope: noScope };
      const first = await retrievePassages({ store, index, stats, llm, logger: silentLogger }, query);
      expect(fake.embeddingRequests().length).toBeGreaterThan(0);
      expect(first.some((r) => r.paper.id === JMML_ID)).toBe(true);
      const requests = fake.embeddingRequests().length;
      await retrievePassages({ store, index, stats, llm, logger: silentLogger }, query);
      expect(fake.embeddingRequests().length).toBe(requests);
    } finally {
      await fake.close();
    }
  });

  it('keeps the lexical order when the embedding call fails', async () => {
    const failing: LlmClient = {
      model: 'x',
      callStructured: async () => Promise.reject(new Error('unused')),
      embed: async () => Promise.reject(new Error('embeddings down')),
    };
    const query = { question: 'What is the relapse rate after HSCT for JMML?', scope: noScope };
    const lexical = await retrievePassages({ store, index, stats, logger: silentLogger }, query);
    const withFailure = await retrievePassages(
      { store, index, stats, llm: failing, logger: silentLogger },
      query,
    );
    expect(withFailure.map((r) => r.passage.id)).toEqual(lexical.map((r) => r.passage.id));
  });
});
