import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchPapers, faithfulChatResponder } from '../../bench/llm.js';
import { createSummarizerFactory } from '../../src/llm/summarizer.js';
import type { DigestItem, ItemSummary, Paper } from '../../src/types.js';
import { createSummary } from '../factories/digest.js';
import { HEME_CONTEXT, type LlmHarness, startLlmHarness } from './harness.js';
import { jmmlSeedPaper, llmTestConfig } from './helpers.js';

let h: LlmHarness;

beforeEach(async () => {
  h = await startLlmHarness();
});

afterEach(async () => {
  await h.close();
});

describe('a whole digest', () => {
  const papers = benchPapers().slice(0, 4);
  const itemsOf = (summaries: ItemSummary[]): DigestItem[] =>
    summaries.map((summary, i) => ({
      paperId: (papers[i] as Paper).id,
      title: (papers[i] as Paper).title,
      summary,
      labels: [],
      score: 1,
    }));

  it('falls back to extractive for the remaining items once the token budget is spent', async () => {
    h.fake.setResponder((body) => {
      const reply = faithfulChatResponder(body);
      return reply.kind === 'json'
        ? { ...reply, usage: { promptTokens: 1_500, completionTokens: 500 } }
        : reply;
    });
    const digest = h.summarizer({ maxTokensPerDigest: 5_000 });
    const sources: string[] = [];
    for (const paper of papers) sources.push((await digest.summarize(paper, HEME_CONTEXT)).source);
    expect(sources).toEqual(['llm', 'llm', 'extractive', 'extractive']);
    expect(h.fake.chatRequests()).toHaveLength(2);
    expect(h.logLines.filter((l) => String(l.msg).startsWith('token budget spent'))).toHaveLength(1);
    expect(digest.usage()).toMatchObject({ calls: 2, promptTokens: 3_000, completionTokens: 1_000 });
  });

  it('makes zero model calls when the same digest is built again', async () => {
    h.fake.setResponder(faithfulChatResponder);
    const build = async () => {
      const digest = h.summarizer();
      const summaries = await Promise.all(papers.map((paper) => digest.summarize(paper, HEME_CONTEXT)));
      const intro = await digest.intro(itemsOf(summaries), HEME_CONTEXT);
      return { summaries, intro, usage: digest.usage() };
    };
    const first = await build();
    const sent = h.fake.chatRequests().length;
    const second = await build();

    expect(sent).toBe(5);
    expect(h.fake.chatRequests()).toHaveLength(sent);
    expect(second.summaries).toEqual(first.summaries);
    expect(second.intro).toBe(first.intro);
    expect(second.usage).toEqual({
      calls: 0,
      cachedCalls: 5,
      promptTokens: 0,
      completionTokens: 0,
      estimatedCostUsd: 0,
    });
    expect(first.usage?.estimatedCostUsd).toBeGreaterThan(0);
    expect(h.logLines.filter((l) => l.msg === 'llm digest usage')).toHaveLength(2);
  });

  it('keeps an intro whose counts match the items and strips mentions from it', async () => {
    h.fake.enqueue({
      kind: 'json',
      content: { intro: '<!channel> This week: 4 papers on cancer outcomes.' },
    });
    const summaries = papers.map((paper) => ({ ...fakeSummary(paper), studyType: 'cohort' as const }));
    expect(await h.summarizer().intro(itemsOf(summaries), HEME_CONTEXT)).toBe(
      'This week: 4 papers on cancer outcomes.',
    );
  });

  it('uses the extractive intro when the model miscounts', async () => {
    h.fake.enqueue({ kind: 'json', content: { intro: 'This week: 3 trials and two case reports.' } });
    const summaries = papers.map((paper) => ({ ...fakeSummary(paper), studyType: 'cohort' as const }));
    expect(await h.summarizer().intro(itemsOf(summaries), HEME_CONTEXT)).toBe('This week: 4 cohort studies.');
  });

  it('is the extractive summarizer when neither a key nor a base URL is configured', async () => {
    const config = llmTestConfig(h.fake.baseUrl);
    const factory = createSummarizerFactory(
      { ...config, llm: { ...config.llm, apiKey: undefined, baseUrl: undefined } },
      h.store,
      pino({ level: 'silent' }),
    );
    const digest = factory();
    expect((await digest.summarize(jmmlSeedPaper(), HEME_CONTEXT)).source).toBe('extractive');
    expect(digest.usage()).toBeUndefined();
    expect(h.fake.requests).toHaveLength(0);
  });
});

function fakeSummary(paper: Paper): ItemSummary {
  return createSummary({ headline: paper.title });
}
