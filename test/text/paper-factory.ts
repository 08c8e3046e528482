import { readFileSync } from 'node:fs';
import { articleFullText, parseArticleText } from '../../src/text/index.js';
import type { Paper } from '../../src/types.js';
import { createPaper } from '../factories/paper.js';

export { createPaper };

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/text/${name}`, import.meta.url), 'utf8');
}

/**
 * The JMML reference case as a paper built from its scraped page. The page carries no title,
 * so the fixture's file name stands in for one rather than an invented title.
 */
export function jmmlPaper(): Paper {
  const article = parseArticleText(fixtureText('jmml-rapamycin-gvl-case-report.txt'));
  return createPaper({
    id: 't:jmml-fixture',
    title: 'jmml-rapamycin-gvl-case-report',
    abstract: article.abstract,
    fullText: articleFullText(article),
  });
}

interface PubmedQaRecord {
  QUESTION: string;
  CONTEXTS: string[];
  LABELS: string[];
  MESHES: string[];
  YEAR: string;
  LONG_ANSWER: string;
}

let pubmedQa: Record<string, PubmedQaRecord> | undefined;

function pubmedQaRecords(): Record<string, PubmedQaRecord> {
  pubmedQa ??= JSON.parse(fixtureText('pubmedqa-sample.json')).records as Record<string, PubmedQaRecord>;
  return pubmedQa;
}

export function pubmedQaPmids(): string[] {
  return Object.keys(pubmedQaRecords());
}

/**
 * A PubMedQA record as the paper it came from: its question is the article's title question,
 * its contexts the labelled abstract sections and its long answer the abstract's conclusion.
 */
export function pubmedQaPaper(pmid: string, overrides: Partial<Paper> = {}): Paper {
  const record = pubmedQaRecords()[pmid];
  if (!record) throw new Error(`PMID ${pmid} is not in the PubMedQA fixture`);
  return createPaper({
    id: `pmid:${pmid}`,
    pmid,
    title: record.QUESTION,
    abstract: [
      ...record.CONTEXTS.map((text, i) => ({ label: record.LABELS[i] ?? 'UNLABELLED', text })),
      { label: 'CONCLUSIONS', text: record.LONG_ANSWER },
    ],
    mesh: record.MESHES,
    publishedDate: record.YEAR,
    ...overrides,
  });
}
