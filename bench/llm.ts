import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config/index.js';
import type { DigestSummarizer, SummaryContext } from '../src/digest/summarizer.js';
import { createSummarizerFactory } from '../src/llm/summarizer.js';
import { silentLogger } from '../src/log.js';
import { parsePubmedQa } from '../src/sources/pubmedqa.js';
import { openStore } from '../src/store/index.js';
import { quoteSupportedByPaper, splitSentences } from '../src/text/index.js';
import type { DigestItem, LlmUsage, Paper } from '../src/types.js';
import { type ChatBody, type FakeReply, startFakeOpenAi } from './fakes/fake-openai.js';

/**
 * LLM digest benchmark: a 20-item digest over real PubMedQA oncology abstracts, summarized
 * through the real client against the loopback fake server, built twice. Reports model calls
 * and tokens for the first build and the rebuild (goal: rebuild makes 0 calls) and how many
 * items show only verified quotes.
 */

const FIXTURE = new URL('../test/fixtures/llm/pubmedqa-oncology-24.json', import.meta.url);
const DIGEST_SIZE = 20;
const CONTEXT: SummaryContext = {
  channelName: 'bench-oncology',
  topics: [{ kind: 'text', query: 'oncology outcomes' }],
};
const MAX_WORDS = 60;

export interface BuildFigures {
  /** Requests the fake server received during the build. */
  serverRequests: number;
  usage: LlmUsage;
}

export interface LlmBenchFigures {
  items: number;
  firstBuild: BuildFigures;
  rebuild: BuildFigures;
  /** Items written by the model (the rest fell back to extractive). */
  llmItems: number;
  /** Share (0–1) of items whose every shown quote occurs verbatim in the paper. */
  quotesAllVerifiedShare: number;
  /** Share (0–1) of items written by the model rather than the extractive fallback. */
  llmShare: number;
}

export async function runLlmBench(): Promise<LlmBenchFigures> {
  const papers = benchPapers().slice(0, DIGEST_SIZE);
  const fake = await startFakeOpenAi({ respond: faithfulChatResponder });
  const store = await openStore({ memory: true });
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      OPENAI_BASE_URL: fake.baseUrl,
      LLM_MAX_TOKENS_PER_DIGEST: '1000000',
    });
    const factory = createSummarizerFactory(config, store, silentLogger);

    const first = await buildItems(factory(), papers);
    const afterFirst = fake.chatRequests().length;
    const second = await buildItems(factory(), papers);
    const afterSecond = fake.chatRequests().length;

    const items = first.items;
    const verified = items.filter((item, i) =>
      item.summary.quotes.every((q) => quoteSupportedByPaper(q, papers[i] as Paper)),
    );
    const llmItems = items.filter((item) => item.summary.source === 'llm');
    return {
      items: items.length,
      firstBuild: { serverRequests: afterFirst, usage: first.usage },
      rebuild: { serverRequests: afterSecond - afterFirst, usage: second.usage },
      llmItems: llmItems.length,
      quotesAllVerifiedShare: share(verified.length, items.length),
      llmShare: share(llmItems.length, items.length),
    };
  } finally {
    await fake.close();
    await store.close();
  }
}

/** What buildDigest does with a summarizer: items in parallel, then the intro from them. */
async function buildItems(
  summarizer: DigestSummarizer,
  papers: Paper[],
): Promise<{ items: DigestItem[]; usage: LlmUsage }> {
  const summaries = await Promise.all(papers.map((paper) => summarizer.summarize(paper, CONTEXT)));
  const items: DigestItem[] = summaries.map((summary, i) => ({
    paperId: (papers[i] as Paper).id,
    title: (papers[i] as Paper).title,
    summary,
    labels: [],
    score: 1,
  }));
  await summarizer.intro(items, CONTEXT);
  const usage = summarizer.usage();
  if (!usage) throw new Error('the LLM summarizer reported no usage');
  return { items, usage };
}

/**
 * A model that answers only from the paper it was sent: the takeaway and quote are one of the
 * paper's own sentences, a key number is copied with its sentence. The intro states the item count.
 */
export function faithfulChatResponder(body: ChatBody): FakeReply {
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
  if (body.response_format?.json_schema?.name === 'digest_intro') {
    const count = between(user, '<items>', '</items>')
      .split('\n')
      .filter((line) => line.trim()).length;
    return { kind: 'json', content: { intro: `This week: ${count} papers for the board.` } };
  }
  return faithfulItemReply(between(user, '<paper_text>', '</paper_text>'));
}

export function faithfulItemReply(paperText: string): FakeReply {
  const sentences = splitSentences(paperText).filter((s) => s.split(/\s+/).length >= 6);
  const withNumber = sentences.filter((s) => /\d/.test(s));
  const lead =
    [...withNumber, ...sentences].find((s) => s.split(/\s+/).length <= MAX_WORDS) ??
    sentences[0] ??
    paperText;
  const percent = sentences.map((s) => ({ s, m: /\d+(?:\.\d+)?\s?%/.exec(s) })).find((x) => x.m);
  return {
    kind: 'json',
    content: {
      headline: lead.split(/\s+/).slice(0, 8).join(' '),
      takeaway: lead,
      study_type: 'other',
      population: null,
      intervention: null,
      comparator: null,
      outcomes: [],
      key_numbers: percent ? [{ value: percent.m?.[0], kind: 'percent', sentence: percent.s }] : [],
      why_it_matters_for_tumor_board: 'It adds evidence on a question this board discusses.',
      limitations: ['abstract only'],
      quotes: [lead],
    },
  };
}

/** The benchmark's papers: real PubMedQA oncology abstracts, read by the app's own PubMedQA source. */
export function benchPapers(): Paper[] {
  const records = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  return parsePubmedQa(records, {
    kind: 'pubmedqa',
    feedId: 'pubmedqa',
    fetchedAt: '2026-11-23T08:00:00.000Z',
  });
}

function between(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  const end = text.lastIndexOf(close);
  return start >= 0 && end > start ? text.slice(start + open.length, end).trim() : '';
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runLlmBench().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
