import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopic } from '../../src/digest/profile.js';
import { rankPapers } from '../../src/digest/rank.js';
import { MIN_RELEVANCE, topicRelevance } from '../../src/digest/relevance.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import { parsePubmedQa } from '../../src/sources/pubmedqa.js';
import type { Paper } from '../../src/types.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const context = { kind: 'pubmedqa' as const, feedId: 'test', fetchedAt: NOW.toISOString() };
const pubmedQa = parsePubmedQa(
  JSON.parse(readFileSync(new URL('../fixtures/qa/pubmedqa_ori_pqal.json', import.meta.url), 'utf8')),
  context,
);
const byPmid = new Map(pubmedQa.map((paper) => [paper.pmid, paper]));

function qa(pmid: string): Paper {
  const paper = byPmid.get(pmid);
  if (!paper) throw new Error(`PMID ${pmid} is not in the PubMedQA fixture`);
  return paper;
}

/** PMID 38704912 (J Geriatr Oncol 2024): older patients with cancer on checkpoint inhibitors. */
const geriatric = parsePubmedArticleSet(
  readFileSync(new URL('../fixtures/reliability/metapub_pmid_38704912.xml', import.meta.url), 'utf8'),
  { kind: 'pubmed', feedId: 'test', fetchedAt: NOW.toISOString() },
)[0] as Paper;

function relevance(papers: Paper[], ...topics: string[]): Map<string, number> {
  return topicRelevance(papers, topics.map(parseTopic));
}

describe('topic relevance', () => {
  it('keeps the major MeSH topics PubMed marks', () => {
    expect(geriatric.meshMajor).toEqual(
      expect.arrayContaining(['Neoplasms', 'Immune Checkpoint Inhibitors', 'Quality of Life']),
    );
    expect(geriatric.meshMajor).not.toContain('Aged');
  });

  it('never reads "pediatric" as "geriatric"', () => {
    expect(relevance([geriatric], 'pediatric oncology').get(geriatric.id)).toBe(0);
  });

  it('never reads "hematologic" as "dermatologic" or any other near spelling', () => {
    const papers = pubmedQa.filter((paper) => /dermatolog/i.test(paper.title + paper.mesh.join(' ')));
    expect(papers.length).toBeGreaterThan(0);
    const scores = relevance(papers, 'hematologic malignancies');
    for (const paper of papers) expect(scores.get(paper.id), paper.title).toBe(0);
  });

  it('does not let "prostate cancer" match a rectal cancer paper that mentions the prostatic plane', () => {
    const rectal = qa('25735444');
    const prostate = qa('12947068');
    const scores = relevance([rectal, prostate], 'prostate cancer');
    expect(scores.get(rectal.id)).toBeLessThan(MIN_RELEVANCE);
    expect(scores.get(prostate.id)).toBeGreaterThanOrEqual(1);
  });

  it('does not count a MeSH heading that only names a differential diagnosis', () => {
    // A thyroid frozen-section study indexed "Lymphoma" without a word about lymphoma.
    const thyroid = qa('17054994');
    expect(relevance([thyroid], 'lymphoma').get(thyroid.id)).toBeLessThan(MIN_RELEVANCE);
  });

  it('finds pediatric papers that say "children" or "paediatric" instead of "pediatric"', () => {
    const children = qa('11481599');
    const paediatric = qa('27896825');
    const scores = relevance([children, paediatric], 'pediatric oncology');
    expect(scores.get(children.id)).toBeGreaterThanOrEqual(MIN_RELEVANCE);
    expect(scores.get(paediatric.id)).toBeGreaterThanOrEqual(MIN_RELEVANCE);
  });

  it('does not fall back to loose words for a mesh: topic the paper is not indexed with', () => {
    // Indexed with MeSH, not "Hematologic Neoplasms", though its abstract has both words apart.
    const loose = pubmedQa.find(
      (paper) =>
        paper.mesh.length > 0 &&
        !paper.mesh.includes('Hematologic Neoplasms') &&
        /hematolog/i.test(paper.abstract.map((s) => s.text).join(' ')) &&
        /neoplasm/i.test(paper.mesh.join(' ')),
    ) as Paper;
    expect(loose).toBeDefined();
    expect(relevance([loose], 'mesh:"Hematologic Neoplasms"').get(loose.id)).toBeLessThan(MIN_RELEVANCE);
    const indexed = qa('27184293');
    expect(relevance([indexed], 'mesh:"Hematologic Neoplasms"').get(indexed.id)).toBeGreaterThanOrEqual(
      MIN_RELEVANCE,
    );
  });

  it('ranks a paper about the topic (major heading) above one indexed with it as a minor heading', () => {
    const about = { ...qa('14692023'), id: 'about', meshMajor: ['Breast Neoplasms'] };
    const minor = {
      ...qa('14692023'),
      id: 'minor',
      meshMajor: ['Neoplasm Recurrence, Local'],
      title: 'Survival trends',
    };
    const scores = relevance([about, minor], 'mesh:"Breast Neoplasms"');
    expect(scores.get('about')).toBeGreaterThan(scores.get('minor') ?? 0);
  });

  it('matches board abbreviations only as written and only in papers about cancer', () => {
    const uremia = qa('9767546');
    expect(relevance([uremia], 'CML').get(uremia.id)).toBe(0);
    // "HCC" in an antiseptics study is not hepatocellular carcinoma.
    const antiseptics = qa('25779009');
    const staging = qa('23052500');
    const scores = relevance([antiseptics, staging], 'HCC');
    expect(scores.get(antiseptics.id)).toBe(0);
    expect(scores.get(staging.id)).toBeGreaterThanOrEqual(MIN_RELEVANCE);
  });

  it('shows fewer than top N rather than papers that only mention the topic', () => {
    const ranked = rankPapers(pubmedQa, { topics: [parseTopic('neuroblastoma')] }, { now: NOW });
    expect(ranked.length).toBeLessThan(5);
  });
});
