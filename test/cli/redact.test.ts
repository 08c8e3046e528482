import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/context.js';
import { runCli } from '../../src/cli.js';
import { createCliHarness } from './cli-harness.js';

const SAMPLE = 'pt Maria Lopez, MRN 12345678: relapse rate after HSCT for JMML?\n';

describe('tbdigest redact', () => {
  const harness = createCliHarness();
  afterEach(() => harness.cleanup());

  it('prints a file with the identifiers replaced by their kinds', async () => {
    const file = path.join(harness.dataDir, 'sample.txt');
    writeFileSync(file, SAMPLE);
    const run = await harness.run('redact', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('pt [name], MRN [MRN]: relapse rate after HSCT for JMML?\n');
  });

  it('reads standard input and with --json gives each span with its offsets, kind and removed value', async () => {
    let stdout = '';
    const io: CliIo = {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => {},
      env: { LOG_LEVEL: 'silent', NODE_ENV: 'test', DATA_DIR: harness.dataDir },
      isTTY: false,
      now: () => new Date(),
      readStdin: async () => SAMPLE,
    };
    expect(await runCli(['redact', '--json'], io)).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.kinds).toEqual(['MRN', 'name']);
    expect(result.spans).toEqual([
      { start: 3, end: 14, kind: 'name', value: 'Maria Lopez' },
      { start: 20, end: 28, kind: 'MRN', value: '12345678' },
    ]);
  });

  it('says clearly when the file cannot be read', async () => {
    const run = await harness.run('redact', path.join(harness.dataDir, 'missing.txt'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Could not read');
  });
});
