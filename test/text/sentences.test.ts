import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/index.js';

describe('splitSentences', () => {
  it('does not end a sentence at et al., e.g., i.e., vs., Fig., Dr. or no.', () => {
    const text =
      'As Smith et al. Reported, relapse was common. Agents (e.g. Rapamycin) and others, i.e. Sirolimus, were used. ' +
      'Arm A vs. Arm B differed (Fig. 2). Dr. Jones enrolled patient no. 5 in the trial. The end.';
    expect(splitSentences(text)).toEqual([
      'As Smith et al. Reported, relapse was common.',
      'Agents (e.g. Rapamycin) and others, i.e. Sirolimus, were used.',
      'Arm A vs. Arm B differed (Fig. 2).',
      'Dr. Jones enrolled patient no. 5 in the trial.',
      'The end.',
    ]);
  });

  it('does not end a sentence inside a standard deviation written "st.dev."', () => {
    expect(
      splitSentences('Average 1 - c-index values were 0.221 (st.dev. 0.019) for BRCA1 carriers. The end.'),
    ).toEqual(['Average 1 - c-index values were 0.221 (st.dev. 0.019) for BRCA1 carriers.', 'The end.']);
  });

  it('keeps decimals and p-values inside their sentence', () => {
    expect(
      splitSentences(
        'Survival improved (HR 0.62, p < 0.05). P = .03 for the subgroup. Median was 14.2 months.',
      ),
    ).toEqual([
      'Survival improved (HR 0.62, p < 0.05).',
      'P = .03 for the subgroup.',
      'Median was 14.2 months.',
    ]);
  });

  it('keeps trailing reference brackets with the sentence they support', () => {
    expect(splitSentences('It is rare.[1,2] The standard treatment is HSCT.[3] Relapse follows.')).toEqual([
      'It is rare.[1,2]',
      'The standard treatment is HSCT.[3]',
      'Relapse follows.',
    ]);
  });

  it('splits sentences a scraper glued together without a space', () => {
    expect(splitSentences('the main cause of therapy failure and mortality.Progress has been made.')).toEqual(
      ['the main cause of therapy failure and mortality.', 'Progress has been made.'],
    );
    expect(splitSentences('Survival differed (P<0.001.The effect held in every subgroup.')).toEqual([
      'Survival differed (P<0.001.',
      'The effect held in every subgroup.',
    ]);
  });

  it('does not split variant notation, dotted abbreviations or decimals without spaces', () => {
    const text = 'The BRAF p.Val600Glu variant (c.1799T>A) was found in the U.S.A. cohort at 0.5%.';
    expect(splitSentences(text)).toEqual([text]);
  });

  it('starts a sentence at a gene-style lowercase token and at every line break', () => {
    expect(
      splitSentences(
        'Expression fell. mRNA levels rose. p53 was mutated. c-Kit was phosphorylated.\nHighlights\nA line without a period',
      ),
    ).toEqual([
      'Expression fell.',
      'mRNA levels rose.',
      'p53 was mutated.',
      'c-Kit was phosphorylated.',
      'Highlights',
      'A line without a period',
    ]);
  });

  it('returns every sentence exactly as written', () => {
    const text = 'Relapse approaches 50% within 5 years!  Is GVL enough? Yes.';
    const sentences = splitSentences(text);
    expect(sentences).toEqual(['Relapse approaches 50% within 5 years!', 'Is GVL enough?', 'Yes.']);
    for (const s of sentences) expect(text).toContain(s);
  });

  it('handles typos and notation real abstracts contain', () => {
    expect(splitSentences('Volume differed (P<0. 001). For each 5-point change it rose.')).toEqual([
      'Volume differed (P<0. 001).',
      'For each 5-point change it rose.',
    ]);
    expect(splitSentences('Risk was 10.0 (95%C.I. 5.3-18.9). The incidence fell.')).toEqual([
      'Risk was 10.0 (95%C.I. 5.3-18.9).',
      'The incidence fell.',
    ]);
    expect(
      splitSentences(
        'Patients were treated at The University of Texas M. D. Anderson Cancer Center. Vitamin D. The end.',
      ),
    ).toEqual([
      'Patients were treated at The University of Texas M. D. Anderson Cancer Center.',
      'Vitamin D.',
      'The end.',
    ]);
  });

  it('keeps an inline enumeration with the sentence it numbers and splits glued section labels', () => {
    expect(splitSentences('Only sore throat in 4/44 (9.1%). 1. DBE is a safe procedure.')).toEqual([
      'Only sore throat in 4/44 (9.1%).',
      '1. DBE is a safe procedure.',
    ]);
    expect(splitSentences('ERCP-induced pancreatitis.GOALS: To compare cytokines.')).toEqual([
      'ERCP-induced pancreatitis.',
      'GOALS: To compare cytokines.',
    ]);
  });
});
