import { readFileSync } from 'node:fs';
import { type BriefSources, buildBrief } from '../src/board/brief.js';
import { createBoardPubmedSearch } from '../src/board/live-pubmed.js';
import { screenCaseLine } from '../src/board/phi-gate.js';
import { loadConfig } from '../src/config/index.js';
import { createExtractiveSummarizer } from '../src/digest/extractive.js';
import { loadDemoCorpus } from '../src/ingest/demo-corpus.js';
import { silentLogger } from '../src/log.js';
import { PaperIndex } from '../src/search/paper-index.js';
import { findRecruitingTrials } from '../src/sources/clinicaltrials.js';
import { type FetchBody, fetchBody } from '../src/sources/http.js';
import { createEutilsClient } from '../src/sources/pubmed/eutils.js';
import { createRateLimiter, NCBI_RATE_WITHOUT_KEY } from '../src/sources/rate-limit.js';
import { openStore } from '../src/store/index.js';
import { findVerbatim, paperText } from '../src/text/index.js';
import type { Paper } from '../src/types.js';
import { startFakeEutils } from './fakes/fake-eutils.js';
import { sendJson, startLoopbackServer } from './fakes/loopback.js';
import { round, timed } from './stats.js';

const FIXTURES = new URL('../test/fixtures/board/', import.meta.url);
const TIMED_CASES = 10;

interface BenchCase {
  line: string;
  expectedPmids?: string[];
  expectedPhrases?: string[];
}

export interface BoardFigures {
  cases: number;
  /** Cases with at least one expected paper among the brief's first three. */
  top3Hits: number;
  top3Rate: number;
  misses: string[];
  phiLines: number;
  phiRefused: number;
  cleanLines: number;
  cleanAccepted: number;
  /** Brief for 10 cases from the stored corpus only (no live sources). */
  tenCaseOfflineMs: number;
  /** Brief for 10 cases: stored corpus, live PubMed and ClinicalTrials.gov on loopback fakes (NCBI's 3 requests/s paces it). */
  tenCaseBriefMs: number;
  liveRequests: number;
}

/** Retrieval quality on the demo corpus (`fixtures/`, as `npm run demo` loads it), the PHI guard, and the time to build a 10-case brief. */
export async function runBoardBench(): Promise<BoardFigures> {
  const cases = (readJson('cases.json') as { cases: BenchCase[] }).cases;
  const phi = readJson('phi-lines.json') as { identifying: string[]; clean: string[] };
  const store = await openStore({ memory: true });
  await loadDemoCorpus(store, { now: new Date('2026-12-01T00:00:00Z'), logger: silentLogger });
  const corpus = await PaperIndex.load(store);
  const offline: BriefSources = { corpus, summarizer: createExtractiveSummarizer(), logger: silentLogger };

  const quality = await buildBrief(briefInput(cases.map((entry) => entry.line)), offline);
  const misses = quality.cases
    .filter(
      (entry, index) =>
        !entry.papers.slice(0, 3).some((paper) => isExpected(paper.paper, cases[index] as BenchCase)),
    )
    .map((entry) => entry.line);

  const timedLines = cases.slice(0, TIMED_CASES).map((entry) => entry.line);
  const offlineRun = await timed(() => buildBrief(briefInput(timedLines), offline));
  const live = await timedLiveBrief(timedLines, offline);
  return {
    cases: cases.length,
    top3Hits: cases.length - misses.length,
    top3Rate: round((cases.length - misses.length) / cases.length, 3),
    misses,
    phiLines: phi.identifying.length,
    phiRefused: phi.identifying.filter((line) => !screenCaseLine(line).ok).length,
    cleanLines: phi.clean.length,
    cleanAccepted: phi.clean.filter((line) => screenCaseLine(line).ok).length,
    tenCaseOfflineMs: round(offlineRun.ms, 0),
    tenCaseBriefMs: live.ms,
    liveRequests: live.requests,
  };
}

async function timedLiveBrief(
  lines: string[],
  offline: BriefSources,
): Promise<{ ms: number; requests: number }> {
  const eutils = await startFakeEutils({ total: 50 });
  let trialRequests = 0;
  const registry = await startLoopbackServer((_request, response) => {
    trialRequests += 1;
    sendJson(response, 200, readJson('ctgov-studies-page2.json'));
  });
  try {
    const config = loadConfig({ NCBI_EUTILS_URL: eutils.url, CLINICALTRIALS_URL: `${registry.url}/api/v2` });
    const fetch: FetchBody = (url, request) =>
      fetchBody(url, { ...request, timeoutMs: 10_000, maxBytes: 5_000_000, allowPrivateUrls: true });
    const client = createEutilsClient({
      config,
      fetchBody: fetch,
      limiter: createRateLimiter({ perSecond: NCBI_RATE_WITHOUT_KEY }),
      feedId: 'board:pubmed',
    });
    const sources: BriefSources = {
      ...offline,
      searchPubmed: createBoardPubmedSearch(client),
      findTrials: (query) =>
        findRecruitingTrials(query, { baseUrl: config.sources.clinicalTrialsUrl, fetch }),
    };
    const { ms } = await timed(() => buildBrief(briefInput(lines), sources));
    return { ms: round(ms, 0), requests: eutils.requests.length + trialRequests };
  } finally {
    await eutils.close();
    await registry.close();
  }
}

function isExpected(paper: Paper, expected: BenchCase): boolean {
  if (paper.pmid && expected.expectedPmids?.includes(paper.pmid)) return true;
  return (expected.expectedPhrases ?? []).some((phrase) => findVerbatim(phrase, paperText(paper)));
}

function briefInput(lines: string[]) {
  const meetingAt = new Date('2026-12-03T22:00:00Z');
  return { id: 'CBENCH:board-2026-12-03', channelId: 'CBENCH', meetingAt, now: meetingAt, lines };
}

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}
