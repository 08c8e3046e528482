import { readFileSync } from 'node:fs';
import { articleFullText, parseArticleText } from '../../src/text/article.js';
import type { Paper } from '../../src/types.js';

const QA_FILE = new URL('../fixtures/qa/pubmedqa_ori_pqal.json', import.meta.url);
const JMML_FILE = new URL('../fixtures/board/jmml-rapamycin-gvl-case-report.txt', import.meta.url);
const INGESTED_AT = '2026-11-02T08:00:00.000Z';

interface PubmedQaRecord {
  QUESTION: string;
  CONTEXTS: string[];
  LABELS: string[];
  MESHES: string[];
  YEAR?: string | null;
  LONG_ANSWER: string;
}

/** The JMML case report has no title in the scraped file; it is named by its file, never by an invented title. */
export const JMML_PAPER_ID = 'file:jmml-rapamycin-gvl-case-report';

/**
 * The board tests' corpus: the 1,000 real PubMedQA abstracts (the question is the article's
 * title question; the conclusion is its last section) and the real JMML case-report page.
 */
export function loadFixtureCorpus(): Paper[] {
  const records = JSON.parse(readFileSync(QA_FILE, 'utf8')) as Record<string, PubmedQaRecord>;
  const papers = Object.entries(records).map(([pmid, record]) => pubmedQaPaper(pmid, record));
  return [jmmlPaper(), ...papers];
}

function pubmedQaPaper(pmid: string, record: PubmedQaRecord): Paper {
  return {
    ...emptyPaper(`pmid:${pmid}`, record.QUESTION),
    pmid,
    abstract: [
      ...record.CONTEXTS.map((text, index) => ({ label: record.LABELS[index], text })),
      { label: 'CONCLUSIONS', text: record.LONG_ANSWER },
    ],
    mesh: record.MESHES,
    publishedDate: record.YEAR ?? undefined,
    sources: [{ kind: 'pubmedqa', feedId: 'demo:pubmedqa', fetchedAt: INGESTED_AT }],
  };
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
  return {
    id,
    title,
    abstract: [],
    authors: [],
    publicationTypes: [],
    mesh: [],
    keywords: [],
    nctIds: [],
    isPreprint: false,
    retracted: false,
    notices: [],
    sources: [],
    ingestedAt: INGESTED_AT,
  };
}
