import { z } from 'zod';
import { FeedError } from '../errors.js';
import { htmlToText, normalizeDoi, parsePmcid, parsePmid } from '../text/index.js';
import type { AbstractSection, Author, FeedSubscription, Paper } from '../types.js';
import type { FetchBody } from './http.js';
import { buildPaper, type SourceContext } from './paper.js';
import type { Source, SourceDeps } from './source.js';

const PAGE_SIZE = 100;
const MAX_RECORDS_PER_RUN = 1000;
/** A new subscription backfills two weeks, so a new channel's first digest is full. */
const FIRST_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

const authorSchema = z.object({
  fullName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  initials: z.string().optional(),
  collectiveName: z.string().optional(),
});

const resultSchema = z.object({
  id: z.string().optional(),
  source: z.string().optional(),
  pmid: z.string().optional(),
  pmcid: z.string().optional(),
  doi: z.string().optional(),
  title: z.string().default(''),
  authorString: z.string().optional(),
  authorList: z.object({ author: z.array(authorSchema).default([]) }).optional(),
  journalInfo: z
    .object({
      journal: z.object({ title: z.string().optional() }).optional(),
      printPublicationDate: z.string().optional(),
    })
    .optional(),
  bookOrReportDetails: z.object({ publisher: z.string().optional() }).optional(),
  firstPublicationDate: z.string().optional(),
  pubYear: z.string().optional(),
  abstractText: z.string().optional(),
  pubTypeList: z.object({ pubType: z.array(z.string()).default([]) }).optional(),
  meshHeadingList: z
    .object({
      meshHeading: z
        .array(
          z.object({
            descriptorName: z.string(),
            majorTopic_YN: z.string().optional(),
            meshQualifierList: z
              .object({
                meshQualifier: z.array(z.object({ majorTopic_YN: z.string().optional() })).default([]),
              })
              .optional(),
          }),
        )
        .default([]),
    })
    .optional(),
  keywordList: z.object({ keyword: z.array(z.string()).default([]) }).optional(),
  isOpenAccess: z.string().optional(),
});

const searchSchema = z.object({
  hitCount: z.number().int().nonnegative().default(0),
  nextCursorMark: z.string().optional(),
  resultList: z.object({ result: z.array(z.unknown()).default([]) }).default({ result: [] }),
});

export interface EuropePmcPage {
  hitCount: number;
  nextCursorMark?: string;
  papers: Paper[];
}

/** One page of a Europe PMC REST `search` response (format=json, resultType=core). */
export function parseEuropePmcSearch(body: string, context: SourceContext): EuropePmcPage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new FeedError(context.feedId, `Feed ${context.feedId}: Europe PMC returned unreadable JSON.`, {
      cause,
    });
  }
  const parsed = searchSchema.safeParse(json);
  if (!parsed.success) {
    throw new FeedError(
      context.feedId,
      `Feed ${context.feedId}: Europe PMC returned an unexpected response.`,
      {
        retryable: false,
      },
    );
  }
  const papers = parsed.data.resultList.result.flatMap((raw) => {
    const record = resultSchema.safeParse(raw);
    return record.success ? paperFromResult(record.data, context) : [];
  });
  return { hitCount: parsed.data.hitCount, nextCursorMark: parsed.data.nextCursorMark, papers };
}

function paperFromResult(result: z.infer<typeof resultSchema>, context: SourceContext): Paper[] {
  const title = htmlToText(result.title).replace(/\s+/g, ' ').trim();
  if (!title) return [];
  const pmid = result.pmid ? parsePmid(result.pmid) : undefined;
  const doi = result.doi ? normalizeDoi(result.doi) : undefined;
  const headings = result.meshHeadingList?.meshHeading ?? [];
  const isPreprint = result.source === 'PPR' || (result.pubTypeList?.pubType ?? []).includes('Preprint');
  return [
    buildPaper(
      {
        pmid,
        doi,
        pmcid: result.pmcid ? parsePmcid(result.pmcid) : undefined,
        title,
        abstract: abstractSections(result.abstractText ?? ''),
        authors: (result.authorList?.author ?? []).flatMap(author),
        journal: result.journalInfo?.journal?.title ?? result.bookOrReportDetails?.publisher,
        publishedDate: result.firstPublicationDate ?? result.pubYear,
        publicationTypes: result.pubTypeList?.pubType ?? [],
        mesh: headings.map((heading) => heading.descriptorName),
        meshMajor:
          headings.length > 0 ? headings.filter(isMajorTopic).map((h) => h.descriptorName) : undefined,
        keywords: result.keywordList?.keyword ?? [],
        url:
          result.id && result.source
            ? `https://europepmc.org/article/${result.source}/${result.id}`
            : undefined,
        isPreprint,
        openAccess: openAccessOf(result.isOpenAccess),
      },
      context,
    ),
  ];
}

/** Europe PMC's "Y"/"N"; anything else says nothing. */
function openAccessOf(flag: string | undefined): boolean | undefined {
  return flag === 'Y' ? true : flag === 'N' ? false : undefined;
}

type MeshHeading = NonNullable<z.infer<typeof resultSchema>['meshHeadingList']>['meshHeading'][number];

/** A descriptor marked major itself or through one of its qualifiers, as in PubMed. */
function isMajorTopic(heading: MeshHeading): boolean {
  const qualifiers = heading.meshQualifierList?.meshQualifier ?? [];
  return [heading, ...qualifiers].some((node) => node.majorTopic_YN === 'Y');
}

/** Core results mark structured-abstract headings as `<h4>Label</h4>`. */
function abstractSections(html: string): AbstractSection[] {
  const parts = html.split(/<h4>(.*?)<\/h4>/i);
  const sections: AbstractSection[] = [];
  const lead = htmlToText(parts[0] ?? '').trim();
  if (lead) sections.push({ text: lead });
  for (let i = 1; i < parts.length; i += 2) {
    const text = htmlToText(parts[i + 1] ?? '').trim();
    const label = htmlToText(parts[i] ?? '').trim();
    if (text) sections.push(label ? { label, text } : { text });
  }
  return sections;
}

function author(raw: z.infer<typeof authorSchema>): Author[] {
  if (raw.collectiveName) return [{ collective: raw.collectiveName }];
  if (raw.lastName) return [{ lastName: raw.lastName, foreName: raw.firstName, initials: raw.initials }];
  return raw.fullName ? [{ lastName: raw.fullName }] : [];
}

/**
 * A Europe PMC search (preprints included), windowed by first publication date and paged
 * with `cursorMark` until the last page or the per-run cap.
 */
export function createEuropePmcSource(
  subscription: FeedSubscription,
  deps: SourceDeps & { fetchBody: FetchBody },
): Source {
  return {
    id: subscription.id,
    kind: 'europepmc',
    async fetch({ cursor, now, signal }) {
      const previousEnd = cursor?.cursor ? Date.parse(cursor.cursor) : Number.NaN;
      const from = new Date(
        Number.isFinite(previousEnd) ? previousEnd - DAY_MS : now.getTime() - FIRST_WINDOW_DAYS * DAY_MS,
      );
      const query = `(${subscription.target}) AND FIRST_PDATE:[${day(from)} TO ${day(now)}]`;
      const context: SourceContext = {
        kind: 'europepmc',
        feedId: subscription.id,
        fetchedAt: now.toISOString(),
      };
      const papers: Paper[] = [];
      let cursorMark = '*';
      while (papers.length < MAX_RECORDS_PER_RUN) {
        const url = new URL(`${deps.config.sources.europePmcUrl}/search`);
        url.search = new URLSearchParams({
          query,
          format: 'json',
          resultType: 'core',
          pageSize: String(PAGE_SIZE),
          cursorMark,
        }).toString();
        const response = await deps.fetchBody(url.toString(), {
          feedId: subscription.id,
          signal,
          accept: 'application/json',
        });
        const page = parseEuropePmcSearch(response.body.toString('utf8'), context);
        papers.push(...page.papers);
        if (!page.nextCursorMark || page.nextCursorMark === cursorMark || page.papers.length === 0) break;
        cursorMark = page.nextCursorMark;
      }
      return { papers, cursor: { ...cursor, cursor: now.toISOString() } };
    },
  };
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
