import { describe, expect, it } from 'vitest';
import {
  findVerbatim,
  normalizeForMatch,
  paperText,
  quoteBasis,
  quoteSupportedByPaper,
} from '../../src/text/index.js';
import { jmmlPaper } from './paper-factory.js';

const ABSTRACT_WITH_MARKUP =
  'Three SNPs at <i>TERT</i> (linkage disequilibrium r<sup>2</sup>&lt;0.25) were associated with pancreatic cancer risk';

describe('findVerbatim', () => {
  it('matches across whitespace, curly quotes, dashes and removed markup', () => {
    expect(findVerbatim('Three  SNPs at TERT\n(linkage disequilibrium r^2<0.25)', ABSTRACT_WITH_MARKUP)).toBe(
      true,
    );
    expect(findVerbatim('the “Minimum Lactate Equivalent”', 'the "Minimum Lactate Equivalent" (LEmin)')).toBe(
      true,
    );
    expect(findVerbatim('graft‐versus‐leukemia – GVL', 'graft-versus-leukemia - GVL')).toBe(true);
    expect(findVerbatim('10⁹ cells', '10<sup>9</sup> cells')).toBe(true);
  });

  it('ignores reference brackets and the quote marks and period a model adds', () => {
    const text = 'the relapse rate approaches 50% within 5 years[1,3,4] and remains the main cause';
    expect(findVerbatim('"approaches 50% within 5 years and remains the main cause."', text)).toBe(true);
  });

  it('is case-sensitive, so a changed gene or disease name is not the paper’s words', () => {
    expect(findVerbatim('all patients', 'Children with ALL patients were')).toBe(false);
    expect(findVerbatim('ALL patients', 'Children with ALL patients were')).toBe(true);
  });

  it('does not match inside a longer number or word', () => {
    expect(findVerbatim('50% within 5 years', 'approaches 150% within 5 years')).toBe(false);
    expect(findVerbatim('5 years', 'within 15 years')).toBe(false);
  });

  it('rejects elisions and empty quotes', () => {
    expect(findVerbatim('relapse ... mortality', 'relapse remains the main cause of mortality')).toBe(false);
    expect(findVerbatim(' " ', 'anything')).toBe(false);
  });
});

describe('findVerbatim on the same text again', () => {
  it('answers from the cached normalized text exactly as the first time', () => {
    const text = 'Relapse after HSCT approaches 50% within 5 years.';
    expect(findVerbatim('approaches 50% within 5 years', text)).toBe(true);
    expect(findVerbatim('approaches 60% within 5 years', text)).toBe(false);
    expect(findVerbatim('approaches 50% within 5 years', text)).toBe(true);
  });
});

describe('quotes against a paper', () => {
  const paper = jmmlPaper();

  it('accepts a sentence of the JMML abstract and a highlight', () => {
    expect(
      quoteSupportedByPaper(
        'This case report demonstrates that rapamycin and GVL represent a viable medical strategy',
        paper,
      ),
    ).toBe(true);
    expect(quoteBasis('approaches 50% within 5 years', paper)).toBe('abstract');
    expect(quoteBasis('currently doing well following withdrawal of immunosuppression', paper)).toBe(
      'full text',
    );
  });

  it('rejects a fabricated quote', () => {
    const fabricated = 'rapamycin cured the relapse in 90% of infants';
    expect(quoteSupportedByPaper(fabricated, paper)).toBe(false);
    expect(quoteBasis(fabricated, paper)).toBeUndefined();
  });

  it('builds the checked text from title, labelled abstract sections and full text', () => {
    const text = paperText({ ...paper, abstract: [{ label: 'RESULTS', text: 'It worked.' }] });
    expect(text.startsWith('jmml-rapamycin-gvl-case-report\n\nRESULTS: It worked.\n\nHighlights\n')).toBe(
      true,
    );
  });
});

describe('normalizeForMatch', () => {
  it('folds compatibility forms and keeps case', () => {
    expect(normalizeForMatch('5 µg/mL  ‘BRAF’ — <b>V600E</b> ﬁnding')).toBe("5 μg/mL 'BRAF' - V600E finding");
  });
});
