import { z } from 'zod';
import { FeedError } from '../errors.js';
import { htmlToText, normalizeDoi, sectionsOfGluedAbstract } from '../text/index.js';
import type { Author, FeedSubscription, Paper } from '../types.js';
import type { FetchBody } from './http.js';
import { buildPaper, type SourceContext } from './paper.js';
import type { Source, SourceDeps } from './source.js';

export type PreprintServer = 'biorxiv' | 'medrxiv';

const MAX_PAGES_PER_RUN = 20;
/** A new subscription backfills two weeks, so a new channel's first digest is full. */
const FIRST_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

const recordSchema = z.object({
  doi: z.string(),
  title: z.string(),
  authors: z.string().default(''),
  date: z.string().optional(),
  version: z.coerce.number().default(1),
  type: z.string().optional(),
  category: z.string().optional(),
  abstract: z.string().default(''),
  published: z.string().default('NA'),
  server: z.string().optional(),
});

const detailsSchema = z.object({
  messages: z
    .array(
      z.object({
        status: z.string().optional(),
        cursor: z.coerce.number().optional(),
        count: z.coerce.number().optional(),
        total: z.coerce.number().optional(),
      }),
    )
    .default([]),
  collection: z.array(z.unknown()).default([]),
});

export interface PreprintPage {
  papers: Paper[];
  /** Records this page held (before collapsing versions), for paging. */
  count: number;
  total: number;
}

/**
 * One page of the bioRxiv/medRxiv `details` API. Several versions of a preprint collapse to
 * the latest; a `published` DOI becomes a notice that links the preprint to its journal version.
 */
export function parsePreprintDetails(body: string, context: SourceContext, category?: string): PreprintPage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new FeedError(
      context.feedId,
      `Feed ${context.feedId}: the preprint server returned unreadable JSON.`,
      { cause },
    );
  }
  const parsed = detailsSchema.safeParse(json);
  if (!parsed.success) {
    throw new FeedError(
      context.feedId,
      `Feed ${context.feedId}: the preprint server returned an unexpected response.`,
      {
        retryable: false,
      },
    );
  }
  const latest = new Map<string, z.infer<typeof recordSchema>>();
  for (const raw of parsed.data.collection) {
    const record = recordSchema.safeParse(raw);
    if (!record.success) continue;
    if (category && record.data.category?.toLowerCase() !== category.toLowerCase()) continue;
    const doi = record.data.doi.toLowerCase();
    const seen = latest.get(doi);
    if (!seen || seen.version < record.data.version) latest.set(doi, record.data);
  }
  const message = parsed.data.messages[0];
  return {
    papers: [...latest.values()].flatMap((record) => paperFromRecord(record, context)),
    count: message?.count ?? parsed.data.collection.length,
    total: message?.total ?? parsed.data.collection.length,
  };
}

function paperFromRecord(record: z.infer<typeof recordSchema>, context: SourceContext): Paper[] {
  const doi = normalizeDoi(record.doi);
  const title = htmlToText(record.title).replace(/\s+/g, ' ').trim();
  if (!doi || !title) return [];
  const server = (record.server ?? context.kind).toLowerCase().includes('med') ? 'medrxiv' : 'biorxiv';
  const publishedDoi = record.published !== 'NA' ? normalizeDoi(record.published) : undefined;
  const abstract = htmlToText(record.abstract).trim();
  return [
    buildPaper(
      {
        doi,
        title,
        abstract: sectionsOfGluedAbstract(abstract),
        authors: record.authors
          .split(';')
          .map((name) => name.trim())
          .filter(Boolean)
          .map(author),
        journal: server === 'medrxiv' ? 'medRxiv' : 'bioRxiv',
        publishedDate: record.date,
        publicationTypes: ['Preprint'],
        url: `https://www.${server}.org/content/${doi}v${record.version}`,
        isPreprint: true,
        category: record.category,
        notices: publishedDoi
          ? [
              {
                kind: 'published-version',
                text: `Published in a journal: https://doi.org/${publishedDoi}`,
                doi: publishedDoi,
              },
            ]
          : [],
      },
      context,
    ),
  ];
}

/** "Durrieu, L." → last name and initials. */
function author(name: string): Author {
  const [lastName = name, initials] = name.split(',').map((part) => part.trim());
  return initials ? { lastName, initials: initials.replace(/[.\s]/g, '') } : { lastName };
}

/**
 * New preprints of one server (optionally one subject category, e.g. "oncology"): the
 * `details/{server}/{from}/{to}/{cursor}` interval API, paged 100 records at a time.
 */
export function createPreprintSource(
  subscription: FeedSubscription,
  server: PreprintServer,
  deps: SourceDeps & { fetchBody: FetchBody },
): Source {
  const category =
    subscription.target.trim() && subscription.target.trim() !== 'all'
      ? subscription.target.trim()
      : undefined;
  return {
    id: subscription.id,
    kind: server,
    async fetch({ cursor, now, signal }) {
      const previousEnd = cursor?.cursor ? Date.parse(cursor.cursor) : Number.NaN;
      const from = new Date(
        Number.isFinite(previousEnd) ? previousEnd - DAY_MS : now.getTime() - FIRST_WINDOW_DAYS * DAY_MS,
      );
      const context: SourceContext = { kind: server, feedId: subscription.id, fetchedAt: now.toISOString() };
      const papers: Paper[] = [];
      let offset = 0;
      for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
        const url = new URL(
          `${deps.config.sources.biorxivUrl}/details/${server}/${day(from)}/${day(now)}/${offset}`,
        );
        if (category) url.searchParams.set('category', category.replace(/\s+/g, '_'));
        const response = await deps.fetchBody(url.toString(), {
          feedId: subscription.id,
          signal,
          accept: 'application/json',
        });
        const result = parsePreprintDetails(response.body.toString('utf8'), context, category);
        papers.push(...result.papers);
        offset += result.count;
        if (result.count === 0 || offset >= result.total) break;
      }
      return { papers, cursor: { ...cursor, cursor: now.toISOString() } };
    },
  };
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
