import { describe, expect, it } from 'vitest';
import { cleanText, extractKeyNumbers, paperText } from '../../src/text/index.js';
import { jmmlPaper, pubmedQaPaper } from './paper-factory.js';

/** Cleaned abstract text, as the summarizer reads it (the abstracts carry thin spaces: "P\u2009<\u20090.02"). */
function abstractOf(pmid: string): string {
  return cleanText(
    pubmedQaPaper(pmid)
      .abstract.map((s) => s.text)
      .join('\n'),
  );
}

describe('extractKeyNumbers', () => {
  it('reads hazard ratios with their 95% CI, most informative first', () => {
    const numbers = extractKeyNumbers(abstractOf('22411435'));
    expect(numbers.slice(0, 2).map((k) => [k.kind, k.value])).toEqual([
      ['hazard-ratio', 'HR: 3.01; 95%CI: 1.49, 6.07'],
      ['hazard-ratio', 'HR 0.94; 95%CI: 0.41, 2.13'],
    ]);
  });

  it('reads odds and hazard ratios written out in words', () => {
    const values = extractKeyNumbers(abstractOf('10575390')).map((k) => k.value);
    expect(values).toContain('odds ratio, 1.40; 95% confidence interval, 0.80-2.46');
    expect(values).toContain('hazard ratio for no insurance, 0.43 [95% confidence interval, 0.20-0.93]');
    expect(extractKeyNumbers(abstractOf('17919952'))[0]?.value).toBe('odds ratio (OR) 2.0, 95% CI 1.3-3.0');
  });

  it('reads median follow-up and p-values', () => {
    const kinds = extractKeyNumbers(abstractOf('11729377')).map((k) => `${k.kind}:${k.value}`);
    expect(kinds).toContain('survival:median follow-up of 35 months');
    const pValues = extractKeyNumbers(abstractOf('26516021')).filter((k) => k.kind === 'p-value');
    expect(pValues.map((k) => k.value)).toEqual(['P < 0.02', 'P = 0.002', 'P < 0.001']);
  });

  it('reads median survival, including two arms in one phrase, and bracketed abbreviations', () => {
    const trial = extractKeyNumbers(abstractOf('23389866')).map((k) => k.value);
    expect(trial.slice(0, 3)).toEqual([
      'Median follow-up was 13.6 months',
      'median OS was 16.4 and 19.1 months',
      'median DFS was 5.8 and 4.1 months',
    ]);
    const cohort = extractKeyNumbers(abstractOf('26285789')).map((k) => k.value);
    expect(cohort[0]).toBe(
      'Median progression-free survival (PFS) on first-line TKI treatment was 14.6 months (95% CI 9.9-18.4)',
    );
    expect(cohort).toContain('hazard ratio [HR] 0.29; 95% CI 0.09-0.98');
    expect(extractKeyNumbers(abstractOf('16827975'))[0]?.value).toBe(
      'hazard ratio [HR], 1.73; 95% confidence interval [CI], 1.26-2.39',
    );
  });

  it('keeps a rate with its time window and states it once', () => {
    const numbers = extractKeyNumbers(paperText(jmmlPaper()));
    const rates = numbers.filter((k) => k.value === '50% within 5 years');
    expect(rates).toHaveLength(1);
    expect(numbers[0]?.value).toBe('50% within 5 years');
  });

  it('ties every number to the verbatim sentence it came from', () => {
    const text = abstractOf('27592038');
    const numbers = extractKeyNumbers(text);
    expect(numbers.length).toBeGreaterThan(3);
    for (const { value, sentence } of numbers) {
      expect(text).toContain(sentence);
      expect(sentence).toContain(value);
    }
  });

  it('does not list the interval of a percentage as findings of their own', () => {
    const values = extractKeyNumbers(abstractOf('24866606')).map((k) => k.value);
    expect(values).not.toContain('24%');
    expect(values).toContain('95% confidence interval, 24%-35%');
  });
});
