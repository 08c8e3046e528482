import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperIndex } from '../../src/search/paper-index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { splitIntoPassages } from '../../src/text/passages.js';
import { jmmlCaseReport, pubmedQaPaper, SAMPLE_PMIDS } from '../digest/fixture-papers.js';
import { createPaper } from '../factories/paper.js';

let store: Store;
let opened: PaperIndex | undefined;
beforeEach(async () => {
  store = await openStore({ memory: true });
  await store.papers.put(jmmlCaseReport(), {});
  for (const pmid of SAMPLE_PMIDS)
    await store.papers.put(pubmedQaPaper(pmid, { retracted: pmid === '16392897' }), {});
});
afterEach(async () => {
  await opened?.close();
  opened = undefined;
  await store.close();
});

const load = async () => {
  opened = await PaperIndex.load(store);
  return opened;
};
const idsOf = (hits: { paper: { id: string } }[]) => hits.map((hit) => hit.paper.id);

describe('PaperIndex over the store', () => {
  it('loads every stored paper and finds the JMML case report by its topic', async () => {
    const index = await load();
    expect(index.size).toBe(SAMPLE_PMIDS.length + 1);
    const [top] = await index.search('juvenile myelomonocytic leukemia relapse');
    expect(top?.paper.id).toBe('t:jmml-rapamycin-gvl');
  });

  it('still finds papers when one query word is misspelled, by leaving that word out', async () => {
    const index = await load();
    const hits = await index.search('hematopoetic transplantation');
    expect(idsOf(hits)).toContain('pmid:27184293');
  });

  it('matches word forms through the stemmer: "relapses" finds a paper that says "relapse"', async () => {
    const index = await load();
    expect(idsOf(await index.search('relapses myelomonocytic'))[0]).toBe('t:jmml-rapamycin-gvl');
  });

  it('leaves retracted papers out of free-text results unless asked', async () => {
    const index = await load();
    expect(idsOf(await index.search('BCR-ABL transcript'))).not.toContain('pmid:16392897');
    const withRetracted = await index.search('BCR-ABL transcript', { includeRetracted: true });
    expect(withRetracted[0]?.paper).toMatchObject({ id: 'pmid:16392897', retracted: true });
  });

  it('answers a PMID query with that exact paper, retracted or not', async () => {
    const index = await load();
    const hits = await index.search('PMID: 16392897');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ exact: true, paper: { id: 'pmid:16392897', retracted: true } });
  });

  it('replaces a paper stored again, so a retraction takes effect after a sync', async () => {
    const index = await load();
    await store.papers.put(pubmedQaPaper('27184293', { retracted: true }), {});
    await index.sync();
    expect(index.size).toBe(SAMPLE_PMIDS.length + 1);
    expect(idsOf(await index.search('microbial contamination'))).not.toContain('pmid:27184293');
  });

  it('honors the limit', async () => {
    const index = await load();
    expect(await index.search('patients', { limit: 3 })).toHaveLength(3);
  });
});

describe('PaperIndex query plan', () => {
  const paper = (id: string, title: string, abstract = '') =>
    createPaper({ id, title, abstract: abstract ? [{ text: abstract }] : [] });

  async function indexOf(...papers: ReturnType<typeof paper>[]): Promise<PaperIndex> {
    opened = new PaperIndex({
      getMany: async (ids) => papers.filter((p) => ids.includes(p.id)),
      findId: async () => undefined,
    });
    for (const p of papers) opened.add(p);
    return opened;
  }

  it('never turns "pediatric" into "geriatric": nothing fuzzy', async () => {
    const index = await indexOf(paper('t:geri', 'Geriatric oncology assessment'));
    expect(await index.search('pediatric oncology assessment')).toEqual([
      expect.objectContaining({ paper: expect.objectContaining({ id: 't:geri' }) }),
    ]);
    expect(await index.search('pediatric')).toEqual([]);
  });

  it('ranks papers with every query term above papers with some, and tops up from those', async () => {
    const index = await indexOf(
      paper('t:one', 'Rapamycin in renal transplant recipients'),
      paper('t:both', 'Rapamycin after relapse of leukemia'),
      paper('t:other', 'Relapse patterns in solid tumors'),
    );
    const ids = idsOf(await index.search('rapamycin relapse'));
    expect(ids[0]).toBe('t:both');
    expect(ids.slice(1).sort()).toEqual(['t:one', 't:other']);
  });

  it('takes OR-groups of alternatives per term from the caller', async () => {
    const index = await indexOf(
      paper('t:hsct', 'Relapse after hematopoietic stem cell transplantation'),
      paper('t:other', 'Relapse after chemotherapy'),
    );
    const ids = idsOf(
      await index.search([
        ['relapse', 'recurrence'],
        ['HSCT', 'stem cell transplantation'],
      ]),
    );
    expect(ids[0]).toBe('t:hsct');
  });

  it('weighs a word in the title above the same word in the abstract', async () => {
    const index = await indexOf(
      paper('t:abstract', 'Outcomes of a registry', 'Children with neuroblastoma were followed for years.'),
      paper('t:title', 'Neuroblastoma outcomes', 'Children were followed in a registry for years.'),
    );
    expect(idsOf(await index.search('neuroblastoma'))).toEqual(['t:title', 't:abstract']);
  });

  it('treats query text as words, never as FTS5 syntax', async () => {
    const index = await indexOf(paper('t:near', 'NEAR infrared imaging "in vivo"'));
    expect(idsOf(await index.search('NEAR AND "vivo* OR ('))).toEqual(['t:near']);
  });
});

describe('PaperIndex passages and term statistics', () => {
  it('finds the sentence a question is about among the papers it is given, with its section', async () => {
    const index = await load();
    const [top] = await index.passages('relapse rate after HSCT for JMML', {
      paperIds: ['t:jmml-rapamycin-gvl', 'pmid:27184293'],
      limit: 3,
    });
    expect(top?.paperId).toBe('t:jmml-rapamycin-gvl');
    expect(top?.text).toMatch(/relapse/i);
    const qaPassage = splitIntoPassages(jmmlCaseReport()).find((passage) => passage.id === top?.id);
    expect(qaPassage?.text).toBe(top?.text);
  });

  it('searches passages corpus-wide when no papers are given, leaving retracted papers out', async () => {
    const index = await load();
    const query = 'BCRABL levels by real-time PCR';
    expect((await index.passages(query, { limit: 5 })).map((hit) => hit.paperId)).not.toContain(
      'pmid:16392897',
    );
    const withRetracted = await index.passages(query, { limit: 5, includeRetracted: true });
    expect(withRetracted[0]).toMatchObject({ paperId: 'pmid:16392897', basis: 'abstract' });
  });

  it('counts the papers containing a word, in any form the stemmer joins', async () => {
    const index = await load();
    const df = await index.documentFrequency(['myelomonocytic', 'Relapsed', 'zzzunknownzzz']);
    expect(df.get('myelomonocytic')).toBe(1);
    expect(df.get('Relapsed')).toBeGreaterThanOrEqual(1);
    expect(df.get('zzzunknownzzz')).toBe(0);
    expect(index.documentCount).toBe(SAMPLE_PMIDS.length + 1);
    expect(await index.indexTerms(['Relapsed Sjögren'])).toEqual([['relaps', 'sjogren']]);
  });

  it('tells which candidate papers match a topic, and whether they are about it', async () => {
    const index = await load();
    const matches = await index.topicMatches('myelomonocytic leukemia', [
      't:jmml-rapamycin-gvl',
      'pmid:27184293',
    ]);
    expect([...matches.keys()]).toEqual(['t:jmml-rapamycin-gvl']);
    expect(matches.get('t:jmml-rapamycin-gvl')?.score).toBeGreaterThan(0);
  });
});
