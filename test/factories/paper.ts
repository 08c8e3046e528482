import { parsePubmedQa } from '../../src/sources/pubmedqa.js';
import type { Paper } from '../../src/types.js';

/** A paper with every required field empty; tests set what they are about. */
export function createPaper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: 't:fixture',
    title: '',
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
    ingestedAt: '2026-11-25T00:00:00.000Z',
    ...overrides,
  };
}

/** One real PubMedQA record as the app's own PubMedQA source turns it into a paper. */
export function pubmedQaPaper(pmid: string, record: unknown, fetchedAt: string, feedId = 'pubmedqa'): Paper {
  const [paper] = parsePubmedQa({ [pmid]: record }, { kind: 'pubmedqa', feedId, fetchedAt });
  if (!paper) throw new Error(`PubMedQA record ${pmid} made no paper`);
  return paper;
}
