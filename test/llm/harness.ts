import { readFileSync } from 'node:fs';
import { type Logger, pino } from 'pino';
import {
  type ChatBody,
  type FakeOpenAi,
  type FakeReply,
  startFakeOpenAi,
} from '../../bench/fakes/fake-openai.js';
import type { Config } from '../../src/config/index.js';
import type { DigestSummarizer, SummaryContext } from '../../src/digest/summarizer.js';
import { createSummarizerFactory, type SummarizerFactoryDeps } from '../../src/llm/summarizer.js';
import { openStore, type Store } from '../../src/store/index.js';
import { llmTestConfig } from './helpers.js';

/** The scripted good model answer for the JMML seed: every quote and number copied from the seed. */
export const JMML_ANSWER = JSON.parse(
  readFileSync(new URL('../fixtures/llm/jmml-model-answer.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { takeaway: string; quotes: string[]; key_numbers: { sentence: string }[] };

export const HEME_CONTEXT: SummaryContext = {
  channelName: 'heme-malignancies',
  topics: [
    { kind: 'text', query: 'JMML' },
    { kind: 'mesh', term: 'Hematopoietic Stem Cell Transplantation' },
  ],
};

/** The JMML answer with some fields changed. */
export const jmmlAnswer = (changes: Record<string, unknown> = {}): FakeReply => ({
  kind: 'json',
  content: { ...JMML_ANSWER, ...changes },
});

export interface LlmHarness {
  fake: FakeOpenAi;
  store: Store;
  /** Logs into `logLines`; give it to code under test next to the summarizer. */
  logger: Logger;
  /** Parsed log lines of every summarizer the harness made. */
  logLines: Record<string, unknown>[];
  /** The same lines as written, to check what never reaches a log. */
  rawLog(): string;
  summarizer(llm?: Partial<Config['llm']>, deps?: SummarizerFactoryDeps): DigestSummarizer;
  /** The body of the n-th chat request the fake received. */
  sentBody(index: number): ChatBody;
  close(): Promise<void>;
}

/** A fake OpenAI server, a memory store and summarizers wired to both, logging into memory. */
export async function startLlmHarness(): Promise<LlmHarness> {
  const fake = await startFakeOpenAi();
  const store = await openStore({ memory: true });
  const logLines: Record<string, unknown>[] = [];
  let raw = '';
  const logger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        raw += line;
        logLines.push(JSON.parse(line));
      },
    },
  );
  return {
    fake,
    store,
    logger,
    logLines,
    rawLog: () => raw,
    summarizer: (llm = {}, deps = {}) =>
      createSummarizerFactory(llmTestConfig(fake.baseUrl, llm), store, logger, deps)(),
    sentBody(index) {
      const request = fake.chatRequests()[index];
      if (!request) throw new Error(`the fake received no chat request #${index}`);
      return request.body as ChatBody;
    },
    async close() {
      await fake.close();
      await store.close();
    },
  };
}
