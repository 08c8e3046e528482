import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jmmlCaseReport, pubmedQaPaper, SAMPLE_PMIDS } from '../digest/fixture-papers.js';
import { createCliHarness } from './cli-harness.js';

let cli: ReturnType<typeof createCliHarness>;

beforeEach(async () => {
  cli = createCliHarness();
  const store = await cli.openStore();
  await store.papers.put(jmmlCaseReport({ ingestedAt: '2026-11-24T08:00:00.000Z' }), {});
  for (const pmid of SAMPLE_PMIDS) {
    await store.papers.put(pubmedQaPaper(pmid, { ingestedAt: '2026-11-24T08:00:00.000Z' }), {});
  }
  await store.close();
});
afterEach(() => cli.cleanup());

describe('tbdigest', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await cli.run('--help');
    expect(code).toBe(0);
    for (const name of ['demo', 'ingest', 'digest', 'paper', 'search'])
      expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('explains an unknown command in one line with exit code 1', async () => {
    const { code, stderr } = await cli.run('summarize');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('unknown command "summarize"');
  });

  it.each([['demo'], ['ingest'], ['digest'], ['paper'], ['search']])('shows help for %s', async (name) => {
    const { code, stdout } = await cli.run(name, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: tbdigest ${name}`));
  });

  it('rejects an unknown option in one line with an example', async () => {
    const { code, stderr } = await cli.run('search', 'JMML', '--colour');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain("Unknown option '--colour'");
    expect(stderr).toContain('Example: tbdigest search');
  });

  it('reports a bad environment value as one line', async () => {
    const broken = createCliHarness(undefined, { DIGEST_TOP_N: 'abc' });
    const { code, stderr } = await broken.run('search', 'JMML');
    broken.cleanup();
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('DIGEST_TOP_N must be a whole number between 1 and 20');
  });
});

describe('tbdigest paper', () => {
  it('refuses "abc" with one clear line and exit code 1', async () => {
    const { code, stdout, stderr } = await cli.run('paper', 'abc');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toBe(
      'tbdigest paper: Not a PMID, DOI or article URL. Example: tbdigest paper 31978945 or tbdigest paper 10.1056/NEJMoa2034577\n',
    );
  });

  it('says so when the paper is not stored', async () => {
    const { code, stderr } = await cli.run('paper', '31978945');
    expect(code).toBe(1);
    expect(stderr).toContain('PMID 31978945 is not in the local store');
  });

  it('prints a stored paper with its takeaway and abstract', async () => {
    const { code, stdout } = await cli.run('paper', '27184293');
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      'Does microbial contamination influence the success of the hematopoietic cell transplantation outcomes?',
    );
    expect(stdout).toContain('PMID 27184293: https://pubmed.ncbi.nlm.nih.gov/27184293/');
    expect(stdout).toContain('Takeaway');
    expect(stdout).toContain('Abstract');
  });

  it('prints valid JSON with --json', async () => {
    const { code, stdout } = await cli.run('paper', 'PMID:27184293', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.paper.pmid).toBe('27184293');
    expect(Array.isArray(parsed.blocks)).toBe(true);
  });
});

describe('tbdigest search', () => {
  it('finds the JMML case report', async () => {
    const { code, stdout } = await cli.run('search', 'juvenile', 'myelomonocytic', 'leukemia');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^\d+ papers? for “juvenile myelomonocytic leukemia”\n\n1\. This case report demonstrates/,
    );
    expect(stdout).toContain('case report');
  });

  it('prints valid JSON with --json', async () => {
    const { stdout } = await cli.run('search', 'transplantation', '--json', '--limit', '3');
    const hits = JSON.parse(stdout);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
  });

  it('rejects a bad --limit', async () => {
    const { code, stderr } = await cli.run('search', 'JMML', '--limit', 'lots');
    expect(code).toBe(1);
    expect(stderr).toContain('--limit must be a whole number between 1 and 50');
  });
});

describe('tbdigest digest preview', () => {
  it('previews the demo channel when no channel is set up', async () => {
    const { code, stdout } = await cli.run('digest', 'preview');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Literature digest · #heme-malignancies · week of 23 Nov 2026/);
    expect(stdout).toContain('approaches 50% within 5 years');
  });

  it('prints the Block Kit message as valid JSON with --json', async () => {
    const { code, stdout } = await cli.run('digest', 'preview', '--json');
    expect(code).toBe(0);
    const message = JSON.parse(stdout);
    expect(message.blocks[0].type).toBe('header');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(Array.isArray(message.overflow)).toBe(true);
  });

  it('names the known channels when --channel matches none', async () => {
    const { code, stderr } = await cli.run('digest', 'preview', '--channel', 'neuro-onc-board');
    expect(code).toBe(1);
    expect(stderr).toContain('No channel named "neuro-onc-board" is set up.');
  });

  it('asks for the preview action', async () => {
    const { code, stderr } = await cli.run('digest', 'now');
    expect(code).toBe(1);
    expect(stderr).toContain('one action: preview');
  });
});
