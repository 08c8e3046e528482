import { readFileSync } from 'node:fs';
import type { Paper } from '../../src/types.js';

interface PubMedQaRecord {
  QUESTION: string;
  CONTEXTS: string[];
  LABELS: string[];
  MESHES: string[];
  YEAR: string;
  LONG_ANSWER: string;
}

const records = JSON.parse(
  readFileSync(new URL('../fixtures/digest/pubmedqa-sample.json', import.meta.url), 'utf8'),
) as Record<string, PubMedQaRecord>;

export const INGESTED_AT = '2026-11-23T08:00:00.000Z';

/** A real PubMedQA abstract as a stored Paper (its question stands in for the title). */
export function pubmedQaPaper(pmid: string, overrides: Partial<Paper> = {}): Paper {
  const record = records[pmid];
  if (!record) throw new Error(`PMID ${pmid} is not in pubmedqa-sample.json`);
  return {
    id: `pmid:${pmid}`,
    pmid,
    title: record.QUESTION,
    abstract: [
      ...record.CONTEXTS.map((text, index) => ({ label: record.LABELS[index], text })),
      { label: 'CONCLUSIONS', text: record.LONG_ANSWER },
    ],
    authors: [],
    publishedDate: record.YEAR,
    publicationTypes: ['Journal Article'],
    mesh: record.MESHES,
    keywords: [],
    nctIds: [],
    isPreprint: false,
    retracted: false,
    notices: [],
    sources: [{ kind: 'pubmedqa', feedId: 'demo:pubmedqa', fetchedAt: INGESTED_AT }],
    ingestedAt: INGESTED_AT,
    ...overrides,
  };
}

export const SAMPLE_PMIDS = Object.keys(records);

const JMML_TEXT = readFileSync(
  new URL('../fixtures/digest/jmml-rapamycin-gvl-case-report.txt', import.meta.url),
  'utf8',
);

/**
 * The reference JMML case report as a feed item. The scraped page has no title line, so its
 * abstract's closing sentence stands in for one; the abstract is the page's own.
 */
export function jmmlCaseReport(overrides: Partial<Paper> = {}): Paper {
  const abstract = JMML_TEXT.split('\n\n')[1]?.trim() ?? '';
  return {
    id: 't:jmml-rapamycin-gvl',
    title:
      'This case report demonstrates that rapamycin and GVL represent a viable medical strategy for the management of pediatric patients with JMML who relapse following status post-HSCT.',
    abstract: [{ text: abstract }],
    fullText: JMML_TEXT,
    authors: [],
    publicationTypes: ['Case Reports'],
    mesh: [],
    keywords: [],
    nctIds: [],
    isPreprint: false,
    retracted: false,
    notices: [],
    sources: [{ kind: 'rss', feedId: 'demo:jmml', fetchedAt: INGESTED_AT }],
    ingestedAt: INGESTED_AT,
    ...overrides,
  };
}

/** PMID 33474827 (Thorac Cancer 2021) as PubMed describes it, from fixtures/pubmed/metapub_pmid_33474827.xml. */
export function plateletSnordPaper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: 'pmid:33474827',
    pmid: '33474827',
    doi: '10.1111/1759-7714.13823',
    pmcid: 'PMC7919130',
    title:
      'Tumor-educated platelet SNORD55 as a potential biomarker for the early diagnosis of non-small cell lung cancer.',
    abstract: [
      {
        label: 'CONCLUSIONS',
        text: 'In summary, TEP SNORD55 could potentially serve as a noninvasive biomarker for NSCLC diagnosis and early diagnosis.',
      },
    ],
    authors: [
      { lastName: 'Dong', foreName: 'Xiaohan', initials: 'X' },
      { lastName: 'Song', foreName: 'Xingguo', initials: 'X' },
      { lastName: 'Ding', foreName: 'Shanshan', initials: 'S' },
    ],
    journal: 'Thoracic cancer',
    publishedDate: '2021-03',
    publicationTypes: ['Journal Article', "Research Support, Non-U.S. Gov't"],
    mesh: [
      'Biomarkers, Tumor',
      'Blood Platelets',
      'Carcinoma, Non-Small-Cell Lung',
      'Female',
      'Humans',
      'Lung Neoplasms',
      'Male',
    ],
    keywords: ['SNORD55', 'TEP', 'biomarker', 'diagnosis', 'snoRNA'],
    nctIds: [],
    isPreprint: false,
    retracted: false,
    notices: [],
    sources: [{ kind: 'pubmed', feedId: 'pubmed:nsclc', fetchedAt: INGESTED_AT }],
    ingestedAt: INGESTED_AT,
    ...overrides,
  };
}
