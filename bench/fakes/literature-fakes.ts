import { type FakeEuropePmc, startFakeEuropePmc } from './fake-europepmc.js';
import { type FakeEutils, startFakeEutils } from './fake-eutils.js';
import {
  europePmcFixtureRecords,
  europePmcMirrorOf,
  fullTextFixtures,
  pubmedFixtureRecords,
} from './fixture-records.js';

export interface LiteratureFakes {
  eutils: FakeEutils;
  europePmc: FakeEuropePmc;
  /** NCBI_EUTILS_URL, EUROPEPMC_URL and the loopback permission, for `loadConfig` or a CLI run. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface LiteratureFakesOptions {
  /** Europe PMC holds PubMed's records too, as the real one does (off: its own fixture only). */
  mirrorPubmed?: boolean;
  /** Both serve the JATS full texts (PMC's efetch and Europe PMC's fullTextXML). */
  fullTexts?: boolean;
  latencyMs?: number;
}

/** The fake PubMed over the efetch fixtures and the fake Europe PMC over the core fixture, started together. */
export async function startLiteratureFakes(options: LiteratureFakesOptions = {}): Promise<LiteratureFakes> {
  const pubmed = pubmedFixtureRecords();
  const fullTexts = options.fullTexts ? fullTextFixtures() : undefined;
  const eutils = await startFakeEutils({ records: pubmed, fullTexts, latencyMs: options.latencyMs });
  const europePmc = await startFakeEuropePmc({
    records: [...europePmcFixtureRecords(), ...(options.mirrorPubmed ? europePmcMirrorOf(pubmed) : [])],
    fullTexts,
    latencyMs: options.latencyMs,
  });
  return {
    eutils,
    europePmc,
    env: { NCBI_EUTILS_URL: eutils.url, EUROPEPMC_URL: europePmc.url, ALLOW_PRIVATE_FEED_URLS: 'true' },
    close: async () => {
      await eutils.close();
      await europePmc.close();
    },
  };
}
