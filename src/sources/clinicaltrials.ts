import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FeedError } from '../errors.js';
import type { Namespace } from '../store/index.js';
import type { FetchBody } from './http.js';

/** A recruiting study as a brief shows it; every field comes from the registry record. */
export interface RecruitingTrial {
  nctId: string;
  title: string;
  /** Registry value, e.g. "RECRUITING". */
  status: string;
  /** Registry values, e.g. ["PHASE1", "PHASE2"]; empty when not applicable. */
  phases: string[];
  /** As written by the registry ("6 Months", "21 Years"); absent means no limit. */
  minimumAge?: string;
  maximumAge?: string;
  conditions: string[];
  url: string;
}

export interface TrialQuery {
  /** Condition search (`query.cond`): the diagnosis. */
  condition: string;
  /** Other terms (`query.term`): markers and setting. */
  terms?: string;
  /** At most this many trials (default 10). */
  limit?: number;
}

export interface ClinicalTrialsOptions {
  /** `config.sources.clinicalTrialsUrl`, e.g. https://clinicaltrials.gov/api/v2 */
  baseUrl: string;
  fetch: FetchBody;
  /** Cached answers by query; a board brief asks the same questions every week. */
  cache?: Namespace<RecruitingTrial[]>;
  cacheTtlMs?: number;
  pageSize?: number;
  maxPages?: number;
}

const FEED_ID = 'clinicaltrials.gov';
const DEFAULT_TTL_MS = 12 * 3_600_000;
const FIELDS = 'NCTId,BriefTitle,OverallStatus,Phase,MinimumAge,MaximumAge,Condition';

const studySchema = z.object({
  protocolSection: z.object({
    identificationModule: z.object({ nctId: z.string().regex(/^NCT\d{8}$/), briefTitle: z.string().min(1) }),
    statusModule: z.object({ overallStatus: z.string() }),
    designModule: z.object({ phases: z.array(z.string()).optional() }).optional(),
    eligibilityModule: z
      .object({ minimumAge: z.string().optional(), maximumAge: z.string().optional() })
      .optional(),
    conditionsModule: z.object({ conditions: z.array(z.string()).optional() }).optional(),
  }),
});

const pageSchema = z.object({
  studies: z.array(z.unknown()).default([]),
  nextPageToken: z.string().optional(),
});

/**
 * Recruiting studies from ClinicalTrials.gov API v2 `/studies`: condition plus other terms,
 * `filter.overallStatus=RECRUITING`, following `nextPageToken`. A study that does not match
 * the documented shape is skipped, never guessed at.
 */
export async function findRecruitingTrials(
  query: TrialQuery,
  options: ClinicalTrialsOptions,
): Promise<RecruitingTrial[]> {
  const limit = query.limit ?? 10;
  const key = cacheKey(query, limit);
  const cached = await options.cache?.get(key);
  if (cached) return cached.slice(0, limit);

  const trials: RecruitingTrial[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 3) && trials.length < limit; page++) {
    const body = await fetchPage(studiesUrl(query, options, pageToken), options.fetch);
    for (const study of body.studies) {
      const parsed = studySchema.safeParse(study);
      if (parsed.success && parsed.data.protocolSection.statusModule.overallStatus === 'RECRUITING') {
        trials.push(toTrial(parsed.data));
      }
    }
    pageToken = body.nextPageToken;
    if (!pageToken) break;
  }
  const result = trials.slice(0, limit);
  await options.cache?.set(key, result, options.cacheTtlMs ?? DEFAULT_TTL_MS);
  return result;
}

function studiesUrl(query: TrialQuery, options: ClinicalTrialsOptions, pageToken?: string): string {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/studies`);
  url.searchParams.set('format', 'json');
  url.searchParams.set('query.cond', query.condition);
  if (query.terms) url.searchParams.set('query.term', query.terms);
  url.searchParams.set('filter.overallStatus', 'RECRUITING');
  url.searchParams.set('fields', FIELDS);
  url.searchParams.set('pageSize', String(options.pageSize ?? 20));
  if (pageToken) url.searchParams.set('pageToken', pageToken);
  return url.toString();
}

async function fetchPage(url: string, fetch: FetchBody): Promise<z.infer<typeof pageSchema>> {
  const response = await fetch(url, { feedId: FEED_ID, accept: 'application/json' });
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch (cause) {
    throw new FeedError(FEED_ID, 'ClinicalTrials.gov answered with something that is not JSON.', { cause });
  }
  const page = pageSchema.safeParse(json);
  if (!page.success) {
    throw new FeedError(FEED_ID, 'ClinicalTrials.gov answered in an unexpected format.', {
      retryable: false,
      detail: page.error.issues[0]?.message,
    });
  }
  return page.data;
}

function toTrial(study: z.infer<typeof studySchema>): RecruitingTrial {
  const section = study.protocolSection;
  const nctId = section.identificationModule.nctId;
  return {
    nctId,
    title: section.identificationModule.briefTitle,
    status: section.statusModule.overallStatus,
    phases: (section.designModule?.phases ?? []).filter((phase) => phase !== 'NA'),
    minimumAge: section.eligibilityModule?.minimumAge,
    maximumAge: section.eligibilityModule?.maximumAge,
    conditions: section.conditionsModule?.conditions ?? [],
    url: `https://clinicaltrials.gov/study/${nctId}`,
  };
}

function cacheKey(query: TrialQuery, limit: number): string {
  const text = `${query.condition.toLowerCase()}|${(query.terms ?? '').toLowerCase()}|${limit}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
