import { describe, expect, it } from 'vitest';
import { askedForms, askedUnits } from '../../src/qa/figure-forms.js';

const writes = (forms: RegExp[], sentence: string) => forms.some((form) => form.test(sentence));

describe('askedForms', () => {
  it('reads a count of residents, with commas in the thousands, as the answer to "how many residents"', () => {
    const forms = askedForms('how many residents were in the daily pain subset');
    expect(writes(forms, 'Of these, 709 hospice and 1,326 nonhospice residents were in daily pain.')).toBe(
      true,
    );
    expect(writes(forms, 'Hospice residents were twice as likely to receive analgesics.')).toBe(false);
  });

  it('reads a share written in words ("Eighty-four of 134", "six of eight") as a share', () => {
    const forms = askedForms('what % of the tumours stained');
    expect(writes(forms, 'Eighty-four of 134 samples expressed c-kit.')).toBe(true);
    expect(writes(forms, 'six of eight frozen samples did too.')).toBe(true);
    expect(writes(forms, 'Staining is one of the most common tests.')).toBe(false);
  });
});

describe('askedForms for a sample', () => {
  it('reads "how big was the cohort" and "n?" as asking for a count of people, not a size', () => {
    for (const question of ['malaysian breast ca paper - how big was the cohort', 'the HMO mammo RCT - n?']) {
      const forms = askedForms(question);
      expect(writes(forms, 'A total of 648 patients were included.')).toBe(true);
      expect(writes(forms, 'Median tumour size was 2.5 cm.')).toBe(false);
    }
  });

  it('reads a sample written as "N = 56" as that count', () => {
    expect(
      writes(askedForms('the phase I symptom chart review - n'), 'Results: N = 56; mean age = 67.09.'),
    ).toBe(true);
  });
});

describe('askedForms for a size', () => {
  it('reads a gland size given as a volume in cc, with its spread', () => {
    expect(
      writes(askedForms('mean gland size in their 649 men'), 'Mean whole prostate volume was 58.7±34.3 cc.'),
    ).toBe(true);
  });
});

describe('askedUnits', () => {
  it('asks for a unit only when the question names one', () => {
    expect(askedUnits('how many litres of each did they drink')).toHaveLength(1);
    expect(askedUnits('what dose intensity did the breast pts get')).toHaveLength(0);
    expect(askedUnits('how many pts relapsed')).toHaveLength(0);
  });

  it('asks for a dose in its units when a word stands between "what" and "dose"', () => {
    const [unit] = askedUnits('what mantle dose did those women get');
    expect(unit?.test('received 36 Gy to the mantle')).toBe(true);
    expect(unit?.test('breast cancer developed in 14 women (3.7%)')).toBe(false);
    expect(askedUnits('what relative dose intensity was delivered')).toHaveLength(0);
  });
});
