import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AgendaStore } from '../../src/board/agenda.js';
import { screenCaseLine } from '../../src/board/phi-gate.js';
import { openStore } from '../../src/store/index.js';

const PHI = JSON.parse(
  readFileSync(new URL('../fixtures/board/phi-lines.json', import.meta.url), 'utf8'),
) as {
  identifying: string[];
  clean: string[];
};

describe('screenCaseLine', () => {
  it.each(PHI.identifying)('refuses an identifying line with the reason: %s', (line) => {
    const screened = screenCaseLine(line);
    expect(screened.ok).toBe(false);
    if (!screened.ok) expect(screened.reason).toMatch(/looks identifying \(.+\)/);
  });

  it.each(PHI.clean)('accepts a de-identified line: %s', (line) => {
    expect(screenCaseLine(line)).toEqual({ ok: true, text: line });
  });
});

describe('AgendaStore', () => {
  it('stores clean lines and never writes a refused one', async () => {
    const store = await openStore({ memory: true });
    const agendas = new AgendaStore(store);
    const result = await agendas.add('C1', [
      PHI.clean[0] as string,
      PHI.identifying[1] as string,
      '',
      PHI.clean[1] as string,
    ]);
    expect(result.added).toBe(2);
    expect(result.refused).toEqual([{ position: 2, reason: expect.stringContaining('MRN') }]);
    const agenda = await agendas.get('C1');
    expect(agenda.cases.map((entry) => entry.text)).toEqual([PHI.clean[0], PHI.clean[1]]);
    expect(JSON.stringify(agenda)).not.toContain('00482913');
    expect(await agendas.channelIds()).toEqual(['C1']);
  });

  it('removes by list number and explains a bad number', async () => {
    const agendas = new AgendaStore(await openStore({ memory: true }));
    await agendas.add('C1', ['AML with FLT3-ITD', 'NSCLC with KRAS G12C']);
    const left = await agendas.remove('C1', 1);
    expect(left.cases.map((entry) => entry.text)).toEqual(['NSCLC with KRAS G12C']);
    await expect(agendas.remove('C1', 5)).rejects.toThrow('Pick a number from 1 to 1.');
  });

  it('clears only the cases added before a meeting', async () => {
    let now = new Date('2026-12-01T10:00:00Z');
    const agendas = new AgendaStore(await openStore({ memory: true }), () => now);
    await agendas.add('C1', ['AML with FLT3-ITD']);
    now = new Date('2026-12-04T10:00:00Z');
    await agendas.add('C1', ['NSCLC with KRAS G12C']);
    expect(await agendas.clearAddedBefore('C1', new Date('2026-12-03T16:00:00Z'))).toBe(1);
    expect((await agendas.get('C1')).cases.map((entry) => entry.text)).toEqual(['NSCLC with KRAS G12C']);
  });
});
