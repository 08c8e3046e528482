import { readFileSync } from 'node:fs';
import { type Config, loadConfig } from '../../src/config/index.js';
import { articleFullText, parseArticleText } from '../../src/text/index.js';
import type { Paper } from '../../src/types.js';

const FIXTURES = new URL('../fixtures/llm/', import.meta.url);
const INGESTED_AT = '2026-11-23T08:00:00.000Z';

/** A config pointing the LLM at a fake server; `llm` overrides values the env schema would refuse (short timeouts). */
export function llmTestConfig(baseUrl: string, llm: Partial<Config['llm']> = {}): Config {
  const config = loadConfig({ NODE_ENV: 'test', OPENAI_BASE_URL: baseUrl, OPENAI_MODEL: 'test-model' });
  return { ...config, llm: { ...config.llm, ...llm } };
}

/** The JMML case report seed as the app would store it: parsed from the scraped page text. */
export function jmmlSeedPaper(overrides: Partial<Paper> = {}): Paper {
  const raw = readFileSync(new URL('jmml-rapamycin-gvl-case-report.txt', FIXTURES), 'utf8');
  const article = parseArticleText(raw);
  return {
    id: 't:jmml-seed',
    // The scraped page carries no title; the digest shows stored metadata, never model output.
    title: '',
    abstract: article.abstract,
    fullText: articleFullText(article),
    authors: [],
    publicationTypes: ['Case Reports'],
    mesh: [],
    keywords: [],
    nctIds: [],
    isPreprint: false,
    retracted: false,
    notices: [],
    sources: [{ kind: 'file', feedId: 'test:jmml', fetchedAt: INGESTED_AT }],
    ingestedAt: INGESTED_AT,
    ...overrides,
  };
}
