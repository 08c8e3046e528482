import { paperIdFor } from '../text/index.js';
import type { Author, Paper, SourceRef } from '../types.js';

/** The source a parser is reading for: stamped on every paper it returns. */
export interface SourceContext {
  kind: SourceRef['kind'];
  feedId: string;
  /** ISO time of the fetch; also the paper's `ingestedAt` until the store keeps an older one. */
  fetchedAt: string;
}

export type PaperFields = Partial<Omit<Paper, 'id' | 'sources' | 'ingestedAt' | 'title'>> & { title: string };

/** Fills the defaults every Paper needs and derives its store id from its identifiers. */
export function buildPaper(fields: PaperFields, context: SourceContext, sourceUrl?: string): Paper {
  const authors = fields.authors ?? [];
  return {
    id: paperIdFor({
      pmid: fields.pmid,
      doi: fields.doi,
      title: fields.title,
      firstAuthor: firstAuthorName(authors),
    }),
    abstract: [],
    authors,
    publicationTypes: [],
    mesh: [],
    keywords: [],
    nctIds: [],
    isPreprint: false,
    retracted: false,
    notices: [],
    ...withoutUndefined(fields),
    sources: [
      {
        kind: context.kind,
        feedId: context.feedId,
        url: sourceUrl ?? fields.url,
        fetchedAt: context.fetchedAt,
      },
    ],
    ingestedAt: context.fetchedAt,
  };
}

/** The name title-based dedupe uses: last name, else the group's name. */
export function firstAuthorName(authors: Author[]): string | undefined {
  const first = authors[0];
  return first?.lastName ?? first?.collective ?? undefined;
}

/** Drops undefined values so a record never stores `"doi": undefined` keys that merge would copy. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
