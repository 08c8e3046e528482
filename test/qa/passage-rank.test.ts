import { describe, expect, it } from 'vitest';
import { sentenceKeys } from '../../src/qa/concept-match.js';
import { rankPassagesForPart, sentenceFeatures } from '../../src/qa/passage-rank.js';
import { understandQuestion } from '../../src/qa/understand.js';
import { contentKeysOf, saysForm } from '../../src/vocabulary/index.js';
import { createPaper } from '../factories/paper.js';
import { pubMedQaPaperById, pubMedQaTerms, questionTerms } from './corpus.js';

/** The sentences of a paper with only these results, ranked for a question asked of it. */
async function rankedResults(results: string, question: string) {
  const paper = createPaper({ abstract: [{ label: 'RESULTS', text: results }] });
  const understood = await understandQuestion(question, undefined, questionTerms([results]));
  return rankPassagesForPart(paper, understood.parts[0] as never, understood);
}

/** The sentence ranked first for a question asked of a paper with only these results. */
async function bestResultsSentence(results: string, question: string): Promise<string | undefined> {
  return (await rankedResults(results, question))[0]?.passage.text;
}

describe('rankPassagesForPart', () => {
  it('counts the words naming the paper for less than what is asked of it', async () => {
    const paper = createPaper({
      abstract: [
        {
          label: 'RESULTS',
          text: 'Korean and American patients with gastric cancer underwent curative resection at two centres. Lymph node count was prognostic in both.',
        },
      ],
    });
    const question = 'the korean vs american gastric ca resection series - was node count prognostic?';
    const understood = await understandQuestion(question, undefined, pubMedQaTerms());
    const [naming, answering] = sentenceFeatures(paper, understood.parts[0] as never, understood);
    expect(answering?.features.own).toBeGreaterThan(naming?.features.own ?? 1);
  });

  it('answers "how many attacks" with the sentence that counts the attacks, not the one with other figures', async () => {
    const paper = pubMedQaPaperById('19394934');
    const question =
      'trauma surg: the israeli hospital surge data after terror bombings, how many attacks did it cover?';
    const understood = await understandQuestion(question, undefined, pubMedQaTerms());
    const ranked = rankPassagesForPart(paper, understood.parts[0] as never, understood);
    const counting = ranked.findIndex((r) => r.passage.text.includes('a total of 32 attacks'));
    expect(counting).toBeLessThanOrEqual(1);
    expect(
      sentenceFeatures(paper, understood.parts[0] as never, understood).filter((s) => s.features.countsAsked)
        .length,
    ).toBeGreaterThan(0);
  });

  it('reads a mean count as counting what "how many … on average" asks', async () => {
    const results =
      'The groups had similar numbers of treated levels (mean 3.9 surgically treated levels). The mean follow-up was 16.4 months.';
    const paper = createPaper({ abstract: [{ label: 'RESULTS', text: results }] });
    const understood = await understandQuestion(
      'how many levels did they do on avg?',
      undefined,
      questionTerms([results]),
    );
    const [levels, followUp] = sentenceFeatures(paper, understood.parts[0] as never, understood);
    expect(levels?.features.countsAsked).toBe(1);
    expect(followUp?.features.countsAsked).toBe(0);
  });

  it('reads a count of a kind of what is asked as counting it ("how many animals": "19 adult ewes")', async () => {
    const results = 'Nineteen adult ewes were studied. The mean follow-up was 16.4 months.';
    const paper = createPaper({ abstract: [{ label: 'RESULTS', text: results }] });
    const understood = await understandQuestion('how many animals did they use?', undefined, pubMedQaTerms());
    const [ewes, followUp] = sentenceFeatures(paper, understood.parts[0] as never, understood);
    expect(ewes?.features.countsAsked).toBe(1);
    expect(followUp?.features.countsAsked).toBe(0);
  });

  it('answers a figure question with the results sentence that states it, not the aims that repeat its words', async () => {
    const paper = pubMedQaPaperById('11481599');
    const question = 'peds onc kids who got ARDS on the vent — what fraction survived?';
    const understood = await understandQuestion(question, undefined, pubMedQaTerms());
    const best = rankPassagesForPart(paper, understood.parts[0] as never, understood).filter(
      (r) => r.quantity,
    )[0];
    expect(best?.passage.text).toBe('Six of the 17 children (35.3%) survived.');
  });

  it('marks whether a sentence states the figure in the unit asked ("how many minutes" wants minutes)', async () => {
    const ranked = await rankedResults(
      'In 53% of patients STIR detected fewer metastases than T1w. Omitting STIR would shorten the examination by 12 min per patient.',
      'how many minutes per scan do you save by dropping STIR?',
    );
    expect(ranked.filter((r) => r.quantity && r.inAskedUnit).map((r) => r.passage.text)).toEqual([
      'Omitting STIR would shorten the examination by 12 min per patient.',
    ]);
    const dose = await rankedResults(
      'Dose intensity was above 95% in both groups.',
      'what dose intensity did they get?',
    );
    expect(dose.every((r) => r.inAskedUnit)).toBe(true);
  });

  it('ranks first the sentence that uses the words asked, weighed by how few sentences use them', async () => {
    const paper = pubMedQaPaperById('10575390');
    const question = 'do reminder calls/letters actually get women w/ abnormal paps back in for f/u?';
    const understood = await understandQuestion(question, undefined, pubMedQaTerms());
    const [best] = rankPassagesForPart(paper, understood.parts[0] as never, understood);
    expect(best?.passage.text).toContain('3 patient reminders substantially improved adherence');
  });

  it('keeps a short sentence that states a figure', async () => {
    expect(
      await bestResultsSentence(
        'Median TPT was 18 days. Toxicity was mild in all patients treated.',
        'median TPT?',
      ),
    ).toBe('Median TPT was 18 days.');
  });

  it('reads a count written in words as a figure ("Forty-three samples…")', async () => {
    const ranked = await rankedResults(
      'Forty-three samples were negative at both facilities. Both laboratories used the same control cell line.',
      'how many specimens came back neg at both labs?',
    );
    expect(ranked.filter((r) => r.quantity).map((r) => r.passage.text)).toEqual([
      'Forty-three samples were negative at both facilities.',
    ]);
  });

  it('reads a count in words before what it counts, and a fraction in words, as figures; not "two groups" in prose', async () => {
    const ranked = await rankedResults(
      'Seventy-two elderly Korean women were genotyped. About one third of the mass was stroma. The study compares two treatment concepts.',
      'how many women were genotyped and how much was stroma?',
    );
    expect(ranked.filter((r) => r.quantity).map((r) => r.passage.text)).toEqual(
      expect.arrayContaining([
        'Seventy-two elderly Korean women were genotyped.',
        'About one third of the mass was stroma.',
      ]),
    );
    expect(ranked.find((r) => r.passage.text.startsWith('The study compares'))?.quantity).toBe(false);
  });

  it('answers "how many had X" with the sentence that counts them, not a percentage of another outcome', async () => {
    expect(
      await bestResultsSentence(
        'Overall survival at 8 years did not differ (64.8% and 67.6%) between patients who had biopsy and those who had neck dissection. Twenty patients underwent neck dissection (11 radical, 9 functional).',
        'how many actually had a neck dissection?',
      ),
    ).toBe('Twenty patients underwent neck dissection (11 radical, 9 functional).');
  });

  it('prefers the sentence that writes the kind of number asked: a dose in Gy for "what dose"', async () => {
    expect(
      await bestResultsSentence(
        'Radiotherapy was completed by 41 of 44 patients. Radiotherapy was delivered to 50.4 Gy in 28 fractions.',
        'what radiotherapy dose did they give?',
      ),
    ).toBe('Radiotherapy was delivered to 50.4 Gy in 28 fractions.');
  });
});

describe('rankPassagesForPart on who was studied', () => {
  it('answers "how many were interviewed" from the methods sentence that recruited them', async () => {
    const paper = pubMedQaPaperById('24160268');
    const understood = await understandQuestion(
      'the jordan one about husbands and breast ca — how many men did they interview',
      undefined,
      pubMedQaTerms(),
    );
    const ranked = rankPassagesForPart(paper, understood.parts[0] as never, understood);
    expect(ranked[0]?.passage.text).toMatch(/recruit 24 married men/);
  });

  it('answers "how big was the cohort" with the sentence that says how many entered, not the first result', async () => {
    const results =
      'Malay ethnicity was associated with delayed treatment of breast cancer (p=0.002). A total of 648 breast cancer patients treated between 2004 and 2005 were analysed.';
    const question = 'malaysian breast ca treatment delay paper - how big was the cohort';
    expect(await bestResultsSentence(results, question)).toMatch(/^A total of 648/);
  });
});

describe('sentenceKeys', () => {
  it('reads an abbreviation the paper defines with a slash as its long form', () => {
    const paper = createPaper({
      abstract: [
        {
          label: 'BACKGROUND',
          text: 'We recorded the use of calcium/bisphosphonate (Ca/Bis) in women on AIs.',
        },
        { label: 'CONCLUSIONS', text: 'Comedication with Ca/Bis reduces musculoskeletal symptoms.' },
      ],
    });
    const keys = sentenceKeys(paper, 'Comedication with Ca/Bis reduces musculoskeletal symptoms.');
    expect(saysForm(keys, contentKeysOf('bisphosphonate'))).toBe(true);
  });
});
