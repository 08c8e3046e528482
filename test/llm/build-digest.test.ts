import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchPapers, faithfulChatResponder } from '../../bench/llm.js';
import { buildDigest } from '../../src/digest/build.js';
import { demoProfile } from '../../src/digest/profile.js';
import { JMML_ANSWER, type LlmHarness, startLlmHarness } from './harness.js';
import { jmmlSeedPaper } from './helpers.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const JMML_TITLE = 'Stored title of the JMML case report';
let h: LlmHarness;

beforeEach(async () => {
  h = await startLlmHarness();
  for (const paper of [jmmlSeedPaper({ title: JMML_TITLE }), ...benchPapers()])
    await h.store.papers.put(paper, {});
  h.fake.setResponder((body) => {
    const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
    if (!user.includes('juvenile myelomonocytic leukemia (JMML) status post'))
      return faithfulChatResponder(body);
    return {
      kind: 'json',
      content: { ...JMML_ANSWER, title: 'A title the model made up', pmid: '99999999' },
    };
  });
});

afterEach(async () => {
  await h.close();
});

const build = () =>
  buildDigest({
    store: h.store,
    profile: demoProfile(NOW),
    now: NOW,
    period: '2026-W48',
    summarizer: h.summarizer(),
    logger: h.logger,
  });

describe('buildDigest with the LLM summarizer', () => {
  it('writes the JMML item with the model, keeping stored metadata for its title', async () => {
    const digest = await build();
    const jmml = digest.items.find((item) => item.paperId === 't:jmml-seed');
    expect(jmml?.title).toBe(JMML_TITLE);
    expect(jmml?.summary.source).toBe('llm');
    expect(jmml?.summary.takeaway).toContain('approaches 50% within 5 years');
    expect(JSON.stringify(digest)).not.toMatch(/99999999|made up/);
    expect(digest.usage?.calls).toBe(digest.items.length + 1);
  });

  it('makes zero model calls when the same digest is rebuilt', async () => {
    const first = await build();
    const sent = h.fake.chatRequests().length;
    const second = await build();
    expect(sent).toBeGreaterThan(1);
    expect(h.fake.chatRequests()).toHaveLength(sent);
    expect(second.items).toEqual(first.items);
    expect(second.intro).toBe(first.intro);
    expect(second.usage).toMatchObject({ calls: 0, cachedCalls: sent, promptTokens: 0, estimatedCostUsd: 0 });
  });
});
