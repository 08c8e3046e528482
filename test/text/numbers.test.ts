import { describe, expect, it } from 'vitest';
import { extractNumbers, numbersSupported } from '../../src/text/index.js';

describe('extractNumbers', () => {
  it('normalizes percent spacing, trailing zeros, leading decimals and thousands separators', () => {
    expect(
      extractNumbers('50 % vs 50%, HR 0.80 (95% CI 0.48–0.80), P = .05, 1,234 patients, 10^9/L'),
    ).toEqual(['50%', '0.8', '95%', '0.48', '0.05', '1234', '10^9']);
  });

  it('does not take gene, protein or trial names for quantities, nor words for numbers', () => {
    expect(extractNumbers('CD20, IL-6, BRCA1, COVID-19 and five patients')).toEqual([]);
  });

  it('ignores list markers but keeps years', () => {
    expect(extractNumbers('1. Enrolled in 2020\n(2) followed 3 years')).toEqual(['2020', '3']);
  });

  it('reads Unicode superscript exponents like caret exponents', () => {
    expect(extractNumbers('platelets 150 × 10⁹/L and 10⁻³ M')).toEqual(['150', '10^9', '10^-3']);
    expect(numbersSupported('150 × 10⁹/L', 'platelets 150 x 10^9/L').ok).toBe(true);
  });

  it('reads Lancet middle-dot decimals as decimals', () => {
    expect(extractNumbers('25·8% were mixed infections')).toEqual(['25.8%']);
    expect(numbersSupported('25.8% were mixed', '25·8% were mixed infections').ok).toBe(true);
  });

  it('reads a percentage range as two percentages', () => {
    expect(extractNumbers('response in 48–80% of patients')).toEqual(['48%', '80%']);
  });
});

describe('numbersSupported', () => {
  const source =
    'The relapse rate for children with juvenile myelomonocytic leukemia (JMML) status post hematopoietic stem cell transplantation (HSCT) approaches 50% within 5 years.';

  it('accepts a claim whose numbers all appear in the source', () => {
    expect(numbersSupported('Relapse after HSCT approaches 50 % within 5 years.', source)).toEqual({
      ok: true,
      unsupported: [],
    });
  });

  it('rejects a fabricated number and names it', () => {
    expect(numbersSupported('Relapse approaches 60% within 5 years in 2020.', source)).toEqual({
      ok: false,
      unsupported: ['60%', '2020'],
    });
  });

  it('does not let a percentage stand in for a count', () => {
    expect(numbersSupported('50 infants relapsed', source).unsupported).toEqual(['50']);
  });
});
