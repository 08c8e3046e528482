import { readFileSync } from 'node:fs';
import { parsePubmedQa } from '../../src/sources/pubmedqa.js';
import { articleFullText, parseArticleText } from '../../src/text/article.js';
import type { Paper } from '../../src/types.js';
import { createPaper } from '../factories/paper.js';

const QA_FILE = new URL('../fixtures/qa/pubmedqa_ori_pqal.json', import.meta.url);
const JMML_FILE = new URL('../fixtures/board/jmml-rapamycin-gvl-case-report.txt', import.meta.url);
const INGESTED_AT = '2026-11-02T08:00:00.000Z';

/** The JMML case report has no title in the scraped file; it is named by its file, never by an invented title. */
export const JMML_PAPER_ID = 'file:jmml-rapamycin-gvl-case-report';

/**
 * The board tests' corpus: the 1,000 real PubMedQA abstracts (the question is the article's
 * title question; the conclusion is its last section) and the real JMML case-report page.
 */
export function loadFixtureCorpus(): Paper[] {
  const records = JSON.parse(readFileSync(QA_FILE, 'utf8')) as Record<string, unknown>;
  const papers = parsePubmedQa(records, {
    kind: 'pubmedqa',
    feedId: 'demo:pubmedqa',
    fetchedAt: INGESTED_AT,
  });
  return [jmmlPaper(), ...papers];
}

function jmmlPaper(): Paper {
  const article = parseArticleText(readFileSync(JMML_FILE, 'utf8'));
  return {
    ...emptyPaper(JMML_PAPER_ID, 'jmml-rapamycin-gvl-case-report.txt'),
    abstract: article.abstract,
    fullText: articleFullText(article),
    publicationTypes: ['Case Reports'],
    sources: [{ kind: 'file', feedId: 'demo:jmml', fetchedAt: INGESTED_AT }],
  };
}

export function emptyPaper(id: string, title: string): Paper {
  return createPaper({ id, title, ingestedAt: INGESTED_AT });
}
