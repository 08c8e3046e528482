import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_QUESTION } from '../../src/cli/demo.js';
import { createCliHarness } from './cli-harness.js';

const cli = createCliHarness();
afterAll(() => cli.cleanup());

// One temp DATA_DIR for the file: the second run must reuse what the first stored.
describe('tbdigest demo', () => {
  it('loads the corpus, prints the digest with the JMML highlight, and answers the sample question', async () => {
    const { code, stdout, stderr } = await cli.run('demo');
    expect(code).toBe(0);
    expect(stderr).toContain('Loading the demo corpus');
    expect(stdout).toMatch(/^Literature digest · #heme-malignancies · week of 23 Nov 2026/);
    const firstItem = stdout.split('\n1. ')[1]?.split('\n\n')[0] ?? '';
    expect(firstItem).toMatch(/JMML|juvenile myelomonocytic/i);
    expect(firstItem).toContain('case report (n=1) · evidence: low');
    expect(firstItem).toContain('approaches 50% within 5 years');
    const answer = stdout.slice(stdout.indexOf(`Q: ${DEMO_QUESTION}`));
    expect(answer).toContain('approaches 50% within 5 years');
    expect(answer).toMatch(/\[1\] “[^”]*approaches 50% within 5 years/);
    expect(stdout).not.toMatch(/[<>]!?(channel|here)/);
  }, 240_000);

  it('reuses the stored corpus on a second run and prints the same digest, since previews deliver nothing', async () => {
    const first = await cli.run('digest', 'preview');
    const again = await cli.run('demo');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Reusing the demo corpus');
    expect(again.stderr).not.toContain('Loading the demo corpus');
    const digestPart = (text: string) => text.slice(0, text.indexOf('A question asked'));
    expect(digestPart(again.stdout).trim()).toBe(first.stdout.trim());
  }, 240_000);

  it('prints the digest Block Kit and the answer as valid JSON with --json', async () => {
    const { code, stdout } = await cli.run('demo', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.digest.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(parsed.digest.blocks)).toContain('approaches 50% within 5 years');
    expect(parsed.answer.answered).toBe(true);
  }, 240_000);
});
