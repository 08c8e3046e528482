import { describe, expect, it } from 'vitest';
import { chooseQuotes } from '../../src/qa/choose-quotes.js';
import { judgePapers } from '../../src/qa/paper-verdict.js';
import { understandQuestion } from '../../src/qa/understand.js';
import { paperText } from '../../src/text/index.js';
import { pubMedQaPaperById, pubMedQaRecords, questionTerms } from './corpus.js';

/** Follow-up of endometrial cancer: relapse sites, symptoms and survival (a real PubMedQA abstract). */
const RELAPSE_PAPER = pubMedQaPaperById('22706226');
/** Does the investing layer of the deep cervical fascia exist? (a real PubMedQA abstract). */
const FASCIA_PAPER = pubMedQaPaperById('16249670');

/** The quotes an extractive answer shows for a question asked of one paper. */
async function quotesFor(question: string, paper = RELAPSE_PAPER): Promise<string[]> {
  const corpus = pubMedQaRecords()
    .slice(0, 300)
    .map(([, record]) => record.CONTEXTS.join('\n'));
  const terms = questionTerms([...corpus, paperText(paper)]);
  const understood = await understandQuestion(question, undefined, terms);
  const verdicts = judgePapers(understood, [{ paper, prior: 1 }]);
  return chooseQuotes(understood, verdicts).quotes.map((quote) => quote.passage.text);
}

describe('chooseQuotes', () => {
  it('shows the finding in words that answers "which…" beside the sentences with figures', async () => {
    const quotes = await quotesFor('endometrial ca: which site of relapse had the best survival');
    expect(quotes.join('\n')).toContain('vaginal vault recurrences lived significantly longer');
    expect(quotes.some((quote) => /\d/.test(quote))).toBe(true);
  });

  it('shows what the authors conclude beside the results that answer a yes/no question', async () => {
    const quotes = await quotesFor(
      'anaesth: superficial cervical plexus block, is there actually a deep fascial layer over the front of the neck?',
      FASCIA_PAPER,
    );
    expect(quotes.join('\n')).toContain('investing cervical fascia does not exist');
  });

  it('answers "how many" with counts only', async () => {
    const quotes = await quotesFor('endometrial ca f/u: how many pts had a distant relapse?');
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((quote) => /\d|hundred|twenty/i.test(quote))).toBe(true);
  });
});
