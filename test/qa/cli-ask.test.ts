import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/context.js';
import { runCli } from '../../src/cli.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-ask-'));

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    isTTY: false,
    now: () => new Date('2026-11-23T08:00:00.000Z'),
  };
}

describe('tbdigest ask', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads the demo corpus into an empty store and answers the JMML question with the seed sentence quoted', async () => {
    const terminal = io();
    expect(await runCli(['ask', 'What is the relapse rate after HSCT for JMML?'], terminal)).toBe(0);
    expect(terminal.err.join('')).toContain('loading the demo corpus');
    const out = terminal.out.join('').replace(/\s+/g, ' ');
    expect(out).toContain(
      '“The relapse rate for children with juvenile myelomonocytic leukemia (JMML) status post',
    );
    expect(out).toContain('approaches 50% within 5 years');
    expect(out).toContain('[1]');
  }, 180_000);

  it('prints JSON with the redacted question and verified citations', async () => {
    const terminal = io();
    expect(
      await runCli(
        ['ask', 'pt Maria Lopez, MRN 12345678: relapse rate after HSCT for JMML?', '--json'],
        terminal,
      ),
    ).toBe(0);
    const answer = JSON.parse(terminal.out.join(''));
    expect(answer.question).toBe('pt [name], MRN [MRN]: relapse rate after HSCT for JMML?');
    expect(answer.redactions).toEqual(['MRN', 'name']);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0].quote).toContain('approaches 50% within 5 years');
    expect(terminal.err.join('')).not.toContain('loading the demo corpus');
  }, 60_000);

  it('says plainly when the papers do not address the question', async () => {
    const terminal = io();
    expect(await runCli(['ask', 'What is the efficacy of CAR-T cells in DIPG?'], terminal)).toBe(0);
    expect(terminal.out.join('')).toContain("The papers I have don't address that.");
  }, 60_000);

  it('refuses an empty question and an unknown digest with an example', async () => {
    const empty = io();
    expect(await runCli(['ask'], empty)).toBe(1);
    expect(empty.err.join('')).toContain('Give a question to answer.');
    const unknown = io();
    expect(await runCli(['ask', 'relapse?', '--digest', 'C1:2026-W01'], unknown)).toBe(1);
    expect(unknown.err.join('')).toContain('No digest "C1:2026-W01"');
  }, 60_000);
});
