import { describe, expect, it } from 'vitest';
import { parseTopic } from '../../src/digest/profile.js';
import { rankPapers } from '../../src/digest/rank.js';
import type { Paper } from '../../src/types.js';
import { jmmlCaseReport, plateletSnordPaper, pubmedQaPaper, SAMPLE_PMIDS } from './fixture-papers.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const topics = (...inputs: string[]) => ({ topics: inputs.map(parseTopic) });
const ids = (ranked: { paper: Paper }[]) => ranked.map((entry) => entry.paper.id);

const corpus = () => [jmmlCaseReport(), ...SAMPLE_PMIDS.map((pmid) => pubmedQaPaper(pmid))];

describe('rankPapers', () => {
  it('puts the on-topic papers first and leaves out papers matching no topic', () => {
    const ranked = rankPapers(
      corpus(),
      topics('juvenile myelomonocytic leukemia', 'hematopoietic stem cell transplantation'),
      { now: NOW },
    );
    expect(ids(ranked)[0]).toBe('t:jmml-rapamycin-gvl');
    expect(ids(ranked)).not.toContain('pmid:23999452');
    expect(ids(ranked)).not.toContain('pmid:21645374');
    expect(ranked.every((entry) => entry.parts.relevance > 0)).toBe(true);
  });

  it('finds British spelling and plurals of a topic', () => {
    const ranked = rankPapers(corpus(), topics('leukaemias'), { now: NOW });
    expect(ids(ranked)).toContain('t:jmml-rapamycin-gvl');
  });

  it('matches a MeSH heading exactly, and its words in papers without MeSH', () => {
    const ranked = rankPapers(corpus(), topics('mesh:"Hodgkin Disease"'), { now: NOW });
    expect(ids(ranked)[0]).toBe('pmid:15050326');
  });

  it('follows an author, written as in PubMed or by full name', () => {
    for (const name of ['author:"Song X"', 'author:"Xingguo Song"', 'author:Song']) {
      const ranked = rankPapers([...corpus(), plateletSnordPaper()], topics(name), { now: NOW });
      expect(ids(ranked)).toEqual(['pmid:33474827']);
    }
  });

  it('follows a journal by name, whatever its case', () => {
    const ranked = rankPapers([...corpus(), plateletSnordPaper()], topics('journal:"Thoracic Cancer"'), {
      now: NOW,
    });
    expect(ids(ranked)).toEqual(['pmid:33474827']);
  });

  it('never ranks a retracted paper', () => {
    const papers = [jmmlCaseReport({ retracted: true }), pubmedQaPaper('27184293')];
    const ranked = rankPapers(papers, topics('juvenile myelomonocytic leukemia', 'transplantation'), {
      now: NOW,
    });
    expect(ids(ranked)).toEqual(['pmid:27184293']);
  });

  it('keeps every paper when the channel has no topics yet', () => {
    const ranked = rankPapers(corpus(), { topics: [] }, { now: NOW });
    expect(ranked).toHaveLength(corpus().length);
  });

  it('collapses records with near-identical titles into one', () => {
    const original = pubmedQaPaper('15050326');
    const twin = pubmedQaPaper('15050326', { id: 'doi:twin-record', pmid: undefined });
    const ranked = rankPapers([original, twin], topics('breast cancer'), { now: NOW });
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.collapsed).toHaveLength(1);
  });

  it('shows at most two papers on one trial', () => {
    // The NCT id is the one 23999452's abstract names; it is attached to two other real
    // diabetes records to stand for secondary analyses of the same trial.
    const nctIds = ['NCT00069784'];
    const papers = ['23999452', '15125825', '12145243'].map((pmid) => pubmedQaPaper(pmid, { nctIds }));
    const ranked = rankPapers(papers, topics('mesh:"Diabetes Mellitus, Type 2"'), { now: NOW });
    expect(ranked).toHaveLength(2);
    expect(ranked.flatMap((entry) => entry.collapsed)).toHaveLength(1);
  });

  it('moves papers like the ones the channel marked relevant up, and not relevant down', () => {
    const papers = ['14599616', '23177368', '22564465', '10808977', '25311479'].map((pmid) =>
      pubmedQaPaper(pmid),
    );
    const profile = topics('breast');
    const baseline = ids(rankPapers(papers, profile, { now: NOW }));
    const first = baseline[0] as string;
    const last = baseline.at(-1) as string;
    const copy = (id: string) => ({
      ...(papers.find((paper) => paper.id === id) as Paper),
      id: `copy:${id}`,
    });

    const reordered = ids(
      rankPapers(papers, profile, {
        now: NOW,
        feedback: { relevant: [copy(last)], notRelevant: [copy(first)] },
      }),
    );
    expect(reordered.indexOf(last)).toBeLessThan(baseline.indexOf(last));
    expect(reordered.indexOf(first)).toBeGreaterThan(baseline.indexOf(first));
  });

  it('prefers stronger evidence at equal relevance', () => {
    const profile = topics('juvenile myelomonocytic leukemia');
    const [caseReport] = rankPapers([jmmlCaseReport()], profile, { now: NOW });
    const [asTrial] = rankPapers(
      [jmmlCaseReport({ publicationTypes: ['Randomized Controlled Trial'] })],
      profile,
      { now: NOW },
    );
    expect(asTrial?.parts.relevance).toBe(caseReport?.parts.relevance);
    expect(asTrial?.score).toBeGreaterThan(caseReport?.score ?? Number.POSITIVE_INFINITY);
  });
});
