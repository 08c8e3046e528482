import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliHarness } from './cli-harness.js';

const PUBMED_XML = path.resolve('fixtures/pubmed/biopython_Entrez_pubmed4.xml');

let cli: ReturnType<typeof createCliHarness>;
beforeEach(() => {
  cli = createCliHarness();
});
afterEach(() => cli.cleanup());

describe('tbdigest ingest', () => {
  it('stores a PubMed file once: the second run finds every paper unchanged', async () => {
    const first = await cli.run('ingest', '--file', PUBMED_XML);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\(pubmed-xml\): 1 paper — 1 new, 0 merged, 0 unchanged/);
    const second = await cli.run('ingest', '--file', PUBMED_XML, '--json');
    expect(JSON.parse(second.stdout).files[0]).toMatchObject({ added: 0, unchanged: 1 });
  });

  it('reports a bad file in one line, still stores the good one, and exits 1', async () => {
    const bad = path.join(cli.dataDir, 'not-a-feed.json');
    writeFileSync(bad, '{"hello": "world"}');
    const { code, stdout, stderr } = await cli.run('ingest', '--file', bad, '--file', PUBMED_XML);
    expect(code).toBe(1);
    expect(stdout).toMatch(/not-a-feed\.json: failed — /);
    expect(stdout).toMatch(/biopython_Entrez_pubmed4\.xml \(pubmed-xml\): 1 paper — 1 new/);
    expect(stderr).toContain('1 of 2 sources failed; the others were stored.');
  });

  it('asks what to ingest when given nothing', async () => {
    const { code, stderr } = await cli.run('ingest');
    expect(code).toBe(1);
    expect(stderr).toContain('Say what to ingest: --file <path> or --feeds.');
  });

  it('says so when no channel follows a feed', async () => {
    const { code, stderr } = await cli.run('ingest', '--feeds');
    expect(code).toBe(0);
    expect(stderr).toContain('No channel follows a feed yet');
  });
});
