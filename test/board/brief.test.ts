import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BriefSources, buildBrief } from '../../src/board/brief.js';
import { createExtractiveSummarizer } from '../../src/digest/extractive.js';
import { silentLogger } from '../../src/log.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import type { RecruitingTrial } from '../../src/sources/clinicaltrials.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import { findVerbatim, paperText } from '../../src/text/index.js';
import type { Paper } from '../../src/types.js';
import { JMML_PAPER_ID, loadFixtureCorpus } from './fixture-corpus.js';

const JMML_LINE = '18-month-old, JMML with monosomy 7, relapse 4 months after HSCT, mixed chimerism';
const MEETING = new Date('2026-12-03T22:00:00Z');

function indexOf(papers: Paper[]): PaperIndex {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const index = new PaperIndex({
    getMany: async (ids) => ids.flatMap((id) => byId.get(id) ?? []),
    findId: async () => undefined,
  });
  for (const paper of papers) index.add(paper);
  return index;
}

const CORPUS = indexOf(loadFixtureCorpus());

function sources(papers: Paper[] | 'corpus', extra: Partial<BriefSources> = {}): BriefSources {
  const corpus = papers === 'corpus' ? CORPUS : indexOf(papers);
  return { corpus, summarizer: createExtractiveSummarizer(), logger: silentLogger, ...extra };
}

const brief = (lines: string[], deps: BriefSources) =>
  buildBrief({ id: 'C1:board-2026-12-03', channelId: 'C1', meetingAt: MEETING, now: MEETING, lines }, deps);

function pubmedFixture(name: string): Paper[] {
  const xml = readFileSync(new URL(`../fixtures/sources/pubmed/${name}`, import.meta.url), 'utf8');
  return parsePubmedArticleSet(xml, {
    kind: 'pubmed',
    feedId: 'board:pubmed',
    fetchedAt: MEETING.toISOString(),
  });
}

const SYNTHETIC_TRIAL = (nctId: string, minimumAge: string, maximumAge?: string): RecruitingTrial => ({
  nctId,
  title: `[SYNTHETIC TEST TRIAL] ${nctId}`,
  status: 'RECRUITING',
  phases: ['PHASE2'],
  minimumAge,
  maximumAge,
  conditions: ['Juvenile Myelomonocytic Leukemia'],
  url: `https://clinicaltrials.gov/study/${nctId}`,
});

describe('buildBrief', () => {
  it('puts the JMML case report first for a JMML relapse after HSCT, with a verified quote and the population match', async () => {
    const result = await brief([JMML_LINE], sources('corpus'));
    const [first] = result.cases[0]?.papers ?? [];
    expect(first?.paperId).toBe(JMML_PAPER_ID);
    expect(first?.matches).toEqual(expect.arrayContaining(['JMML', 'pediatric', 'post-HSCT']));
    expect(first?.summary.studyType).toBe('case-report');
    expect(first && findVerbatim(first.quote, paperText(first.paper))).toBe(true);
    expect(first?.quote).toMatch(/JMML/);
  });

  it('leaves out papers about another disease instead of padding the brief', async () => {
    const result = await brief(['Adult with uveal melanoma, c-KIT expression on IHC'], sources('corpus'));
    const papers = result.cases[0]?.papers ?? [];
    expect(papers.map((paper) => paper.paper.pmid)).toEqual(['15223779', '11955750']);
    for (const paper of papers) expect(paper.matches).toContain('uveal melanoma');
  });

  it('fills a thin corpus from the live PubMed search, dropping results about another disease', async () => {
    const queries: string[] = [];
    const live = [
      ...pubmedFixture('metapub_pmid_33474827.xml'),
      ...pubmedFixture('metapub_pmid_38534005.xml'),
    ];
    const result = await brief(
      ['64-year-old, NSCLC, biomarker for early diagnosis'],
      sources([], {
        searchPubmed: async (query) => {
          queries.push(query);
          return live;
        },
      }),
    );
    expect(queries).toEqual(['("non-small cell lung cancer"[tiab] OR "NSCLC"[tiab])']);
    expect(result.cases[0]?.papers.map((paper) => [paper.paper.pmid, paper.origin])).toEqual([
      ['33474827', 'pubmed'],
    ]);
  });

  it('keeps the stored papers and says so when the live search fails', async () => {
    const result = await brief(
      [JMML_LINE],
      sources('corpus', {
        searchPubmed: async () => {
          throw new Error('connection reset');
        },
      }),
    );
    expect(result.cases[0]?.papers[0]?.paperId).toBe(JMML_PAPER_ID);
    expect(result.cases[0]?.notes).toEqual([
      'Live PubMed search was unavailable; papers come from the stored corpus only.',
    ]);
  });

  it('lists recruiting trials whose ages fit a pediatric case', async () => {
    const asked: unknown[] = [];
    const result = await brief(
      [JMML_LINE],
      sources('corpus', {
        findTrials: async (query) => {
          asked.push(query);
          return [
            SYNTHETIC_TRIAL('NCT99990001', '1 Month', '21 Years'),
            SYNTHETIC_TRIAL('NCT99990002', '18 Years'),
          ];
        },
      }),
    );
    expect(asked[0]).toEqual({
      condition: 'juvenile myelomonocytic leukemia',
      terms: 'monosomy 7',
      limit: 9,
    });
    expect(result.cases[0]?.trials.map((trial) => trial.nctId)).toEqual(['NCT99990001']);
  });

  it('says why a line without a diagnosis or marker has no papers', async () => {
    const result = await brief(['second opinion on imaging'], sources('corpus'));
    expect(result.cases[0]?.papers).toEqual([]);
    expect(result.cases[0]?.notes[0]).toMatch(/No diagnosis or molecular marker/);
  });
});
