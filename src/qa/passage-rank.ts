import { labelKind } from '../text/index.js';
import { type Passage, splitIntoPassages } from '../text/passages.js';
import type { Paper } from '../types.js';
import { type Concept, contentKeysOf, isKindOf, textKeysOf } from '../vocabulary/index.js';
import { covers, sentenceKeys, weightedCoverage } from './concept-match.js';
import {
  askedForms,
  askedUnits,
  NUMBER_WORD,
  NUMBER_WORD_BELOW_TEN,
  NUMBER_WORD_PAST_NINE,
  SAMPLE_ASKED,
} from './figure-forms.js';
import type { AskedPart, UnderstoodQuestion } from './understand.js';

export interface RankedPassage {
  passage: Passage;
  paper: Paper;
  /** Log-odds that the sentence is the one that answers (see SENTENCE_WEIGHTS). */
  score: number;
  /** The sentence states a quantity (a count, a percentage, a ratio). */
  quantity: boolean;
  /** It states the quantity in the unit the part asks for ("how many minutes": "12 min"), or no unit was asked. */
  inAskedUnit: boolean;
  /** Share of the part's concepts it says (the `own` feature). */
  says: number;
}

/** What makes a sentence the one that answers a part of a question. */
export interface SentenceFeatures {
  /** Share of the part's concepts the sentence says (weighted: rare in the paper, measures double). */
  own: number;
  /** Share of the rest of the question (other parts, the thread's question) it says. */
  others: number;
  /** An aim, background or methods sentence. */
  setup: number;
  /** It states a number other than the question's own. */
  quantity: number;
  /** It writes the kind of number asked: a share, a time, an effect size. */
  form: number;
  /** It names the measure asked about. */
  measure: number;
  results: number;
  conclusion: number;
  /** It states a result ("no significant difference", "improved", "independent predictor"). */
  statesResult: number;
  /** It contains a number the question gave ("a 5% increase at any site"). */
  askedNumber: number;
  /** It names none of what the part asks about (when the part asks about something). */
  saysNothing: number;
  /**
   * Share of the part's own words it uses, each weighed by how few sentences of the paper use
   * it: the words no concept holds ("delay", "each group") still tell sentences apart.
   */
  wording: number;
  /** Share of the part's verbs it says ("predict", "recurred", "improve"). */
  verbs: number;
  /** Where it stands in the paper, 0 (first) to 1: results and conclusions come late. */
  position: number;
  /** Natural log of its length in hundreds of characters: long sentences say more of everything. */
  length: number;
  /** The part compares ("vs", "than") and the sentence states a comparison. */
  comparison: number;
  /** The part asks how many were studied and the sentence says how many entered the study. */
  statesSample: number;
  /** The part asks how many of something ("how many attacks") and the sentence counts it ("32 attacks"). */
  countsAsked: number;
  /** Always 1: with it the score is the log-odds that the sentence answers. */
  bias: number;
}

export type SentenceWeights = Record<keyof SentenceFeatures, number>;

/**
 * Weights of the features, one set for figure questions and one for findings. Fit on the tune
 * half of the clinician dev set only: a conditional logit (which sentence of the paper answers)
 * for the weights, then one scale and the bias so that the score is the log-odds that the
 * sentence answers (`npm run bench` prints how often the top sentence is the right one on both
 * halves; `bench/sentence-weights.ts --fit` refits them). `countsAsked` came last: the fit on
 * 27 batches' tune halves gave it 1.62 and moved the rest little; the rest were kept, as their
 * refit lowered the top sentence's hit rate on both halves. With it: top sentence right 840 → 847
 * of 1,261 (tune), 765 → 767 of 1,192 (holdout).
 */
export const SENTENCE_WEIGHTS: Record<'figure' | 'finding', SentenceWeights> = {
  figure: {
    own: 2.87,
    others: -0.58,
    setup: -0.76,
    quantity: 1.35,
    form: 1.63,
    measure: 0.42,
    results: 0.64,
    conclusion: -0.89,
    statesResult: -0.3,
    askedNumber: 0.3,
    saysNothing: -0.55,
    wording: 2.55,
    verbs: 1.09,
    position: -0.09,
    length: -0.79,
    comparison: 0.49,
    statesSample: 1.31,
    countsAsked: 1.6,
    bias: -3,
  },
  finding: {
    own: 3.1,
    others: -0.17,
    setup: -0.59,
    quantity: 0.12,
    form: 0.03,
    measure: 0.23,
    results: 1.31,
    conclusion: 0.05,
    statesResult: 0.4,
    askedNumber: 0.36,
    saysNothing: -0.34,
    wording: 1.86,
    verbs: 0.74,
    position: 1.51,
    length: -0.44,
    comparison: 0.46,
    statesSample: 0,
    countsAsked: 0,
    bias: -2.85,
  },
};

/**
 * A concept the paper's title already names is the paper's subject: the answering sentence
 * need not repeat it, and sentences that do (background, aims) are not better for it.
 */
const TITLE_CONCEPT_WEIGHT = 0.5;
/**
 * Likewise the words with which the asker says which paper is meant ("the korean gastric series -
 * n?"): the answer may use them, but rarely repeats them all. Tuned on the tune halves of the
 * clinician dev set (top sentence right 515 -> 534 of 811, holdout 477 -> 490 of 772).
 */
const DESCRIBING_WEIGHT = 0.25;
/** What was measured is what a sentence must be about to answer. */
const MEASURE_WEIGHT = 2;
/** A sentence that says what the study set out to do, in whatever section it stands. */
const SETUP_LANGUAGE =
  /\b(?:aims?|aimed|objectives?|purpose|we sought|sought to|to (?:determine|evaluate|assess|investigate|compare|examine|explore|establish|identify|analy[sz]e|describe|review)|hypothesi[sz]ed?|were (?:enrolled|included|identified|reviewed|randomi[sz]ed)|retrospective(?:ly)? review)/i;
/**
 * A full-text sentence that cites other work ("[3]", "(Bosetti et al, 2009)") reports that
 * work's finding, not this paper's: an introduction or discussion leaning on the literature.
 */
const CITES_OTHER_WORK =
  /\[\d+(?:\s*[,–-]\s*\d+)*\]|\([^()]*\bet al\.?,? \(?(?:19|20)\d\d[a-z]?|\([A-Z][\p{L}'-]+(?: and [A-Z][\p{L}'-]+)?,? (?:19|20)\d\d[a-z]?[;)]/u;
/** In log-odds, as the sentence weights are. */
const OTHER_WORK_PENALTY = 1.2;
/**
 * An article's methods section describes every analysis in the words of its results ("analyses
 * were performed by country and subsite"), at length: beyond the setup penalty, its sentences
 * rank below the result they set up. Tuned on the tune half of the full-text dev set.
 */
const FULL_TEXT_METHODS_PENALTY = 0.8;
/** Full-text sentences that report other work, or describe methods at length, rank lower. */
function fullTextPenalty(passage: Passage): number {
  if (passage.basis !== 'full text') return 0;
  const section = labelKind(passage.section);
  return (
    (CITES_OTHER_WORK.test(passage.text) ? OTHER_WORK_PENALTY : 0) +
    (section === 'methods' ? FULL_TEXT_METHODS_PENALTY : 0)
  );
}
/** "95% CI" names the interval's level, not a result: it is no quantity for a figure question. */
const CONFIDENCE_LEVEL = /\b95\s?%\s?(?:CIs?\b|C\.I\.|confidence intervals?|credible intervals?)/gi;
/**
 * A question about who or what was studied: "how many men did they interview", "how many
 * enrolled", "how big was the cohort", "RCT - n?".
 */
const ASKS_SAMPLE = new RegExp(
  `\\bhow many (?:[\\p{L}-]+ ){0,2}(?:men|women|pts|patients|participants|people|persons|children|kids|subjects|papers|studies|articles|trials|respondents|cases|families|doctors|physicians|nurses|residents|hospitals|centers|centres|specimens|samples)\\b|\\bhow many (?:were |got |did they )?(?:enrolled|enroll|included|include|randomi[sz]ed|recruited|recruit|analy[sz]ed|studied|screened)\\b|\\bhow many (?:were |pts |patients )?in (?:the |that |this |their )?(?:study|cohort|series|trial|sample|analysis)\\b|${SAMPLE_ASKED}`,
  'iu',
);
const COUNT_WORD = `(?:${NUMBER_WORD}|thousand)`;
const COUNT = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|${COUNT_WORD}(?:[- ](?:and )?${COUNT_WORD})*)`;
const SUBJECTS =
  '(?:patients|pts|cases|subjects|participants|children|women|men|people|adults|individuals|persons|respondents|survivors|recipients|volunteers|controls|residents|families|infants|neonates|specimens|samples)\\b';
const ENTERED =
  '(?:included|enrolled|entered|recruited|studied|analy[sz]ed|evaluated|reviewed|identified|genotyped|interviewed|surveyed|randomi[sz]ed|participated|comprised)';
/**
 * A sentence that says how many entered the study: "A total of 648 … patients", "In all, 129
 * … entered", "Nineteen patients who received … were included", "… in 890 consecutive breast
 * cancer patients", "we interviewed 20 husbands".
 */
const STATES_SAMPLE = new RegExp(
  [
    `\\b(?:a total of|in all,?|altogether)\\s+(?:\\d|${COUNT_WORD})`,
    `\\bin ${COUNT} consecutive\\b`,
    `\\b${COUNT}\\s+(?:[\\p{L}*-]+\\s+){0,4}${SUBJECTS}[^.;]*?\\b(?:${ENTERED}|met (?:the )?(?:inclusion|eligibility))\\b`,
    `\\b${ENTERED}\\s+(?:[\\p{L}-]+\\s+){0,2}${COUNT}\\s+(?:[\\p{L}*-]+\\s+){0,4}${SUBJECTS}`,
  ].join('|'),
  'iu',
);
/** ...unless it asks how many of them had an outcome ("how many pts relapsed"). */
const ASKS_OUTCOME = new RegExp(
  [
    '\\b(?:died|dead|relapsed|recurred|developed|needed|required|received|got|had|have|has|survived|responded|progressed|achieved|experienced|underwent|ended|became|showed|were (?:positive|negative|cured|alive))\\b',
    // "how many specimens stained for c-kit": any other past tense after who was counted.
    `\\bhow many (?:[\\p{L}-]+ ){0,3}${SUBJECTS}\\s+(?!(?:${ENTERED}|screened)\\b)\\p{L}{3,}ed\\b`,
  ].join('|'),
  'iu',
);

/** Words with which a sentence states a result rather than sets one up. */
const RESULT_LANGUAGE =
  /\b(?:significant(?:ly)?|difference|differ(?:ed|s)?|associated|correlat\w*|improv\w*|reduc\w*|increas\w*|decreas\w*|higher|lower|better|worse|predict\w*|independent(?:ly)?|no longer|not|no|did|remained|comparable|similar|superior|inferior|safe|effective|benefit\w*|absen(?:ce|t)|confirm\w*|lack(?:ed|s|ing)?|should|recommend\w*|(?:un)?necessary|warrant\w*)\b/i;

/** "Ninety-six", "twenty one": a unit after the tens. */
const AND_UNITS = `(?:[- ](?:${NUMBER_WORD_BELOW_TEN}))?`;
/** What a count counts: a plural. */
const COUNTED = '(?:[\\p{L}-]+s|(?:wo)?men|children|people)';
/**
 * "Seventy-six percent", "six of the 17", "Forty-three samples", "Ninety-six breast cancer Spanish
 * patients", "one third of", "half of the": numbers written as words count too.
 */
const NUMBER_WORDS = new RegExp(
  [
    `\\b(?:${NUMBER_WORD})${AND_UNITS}\\s+(?:percent|per cent|of|${COUNTED})\\b`,
    // Past nine, words may stand between the count and what it counts; "two treatment concepts" is prose.
    `\\b(?:${NUMBER_WORD_PAST_NINE})${AND_UNITS}\\s+(?:[\\p{L}-]+\\s+){1,3}?${COUNTED}\\b`,
    '\\b(?:one|two|a)[- ](?:thirds?|quarters?|fifths?)\\b|\\bhalf (?:of|the)\\b',
  ].join('|'),
  'iu',
);
/** A number that is not a year or a list marker ("(1)"): "35.3%", "18 days", "HR 0.68", "(n = 70)", "(12)". */
const QUANTITIES = /(?<![\p{L}\d.(])(?!(?:19|20)\d\d\b)\d+(?:[.,·]\d+)?|\(\d+(?:[.,·]\d+|\s?%|\d)/gu;

/** A quantity other than the ones the question itself gave ("masses >7cm" is not an answer). */
function statesQuantity(text: string, asked: Set<string>): boolean {
  if (NUMBER_WORDS.test(text)) return true;
  for (const match of text.replace(CONFIDENCE_LEVEL, ' ').matchAll(QUANTITIES)) {
    const number = match[0].replace(/^\(/, '').match(/\d+(?:[.,·]\d+)?/)?.[0];
    if (number && !asked.has(number)) return true;
  }
  return false;
}

/**
 * The sentences of a paper ranked for one part of a question. A figure question wants a
 * sentence with a quantity about what was asked, and results over background; a finding wants
 * the conclusion or the result that states it. Methods and background sentences that merely
 * repeat the question's words rank below the sentence that answers it.
 */
export function rankPassagesForPart(
  paper: Paper,
  part: AskedPart,
  question: UnderstoodQuestion,
  weights: SentenceWeights = SENTENCE_WEIGHTS[part.kind],
): RankedPassage[] {
  const units = askedUnits(part.text);
  return sentenceFeatures(paper, part, question)
    .map(({ passage, features }) => ({
      passage,
      paper,
      score:
        (Object.keys(weights) as (keyof SentenceFeatures)[]).reduce(
          (sum, name) => sum + weights[name] * features[name],
          0,
        ) - fullTextPenalty(passage),
      quantity: features.quantity > 0,
      inAskedUnit: units.every((unit) => unit.test(passage.text)),
      says: features.own,
    }))
    .sort((a, b) => b.score - a.score);
}

/** The sentence's score is log-odds; this is the chance it answers. */
export function answerProbability(ranked: RankedPassage): number {
  return 1 / (1 + Math.exp(-ranked.score));
}

/** Every sentence of the paper with its features for this part of the question. */
export function sentenceFeatures(
  paper: Paper,
  part: AskedPart,
  question: UnderstoodQuestion,
): { passage: Passage; features: SentenceFeatures }[] {
  const keyed = splitIntoPassages(paper).map((passage) => ({
    passage,
    keys: sentenceKeys(paper, passage.text),
  }));
  const title = textKeysOf(paper.title);
  // Within the paper, a concept most sentences repeat (its disease) says little about which
  // sentence answers; one few sentences use (the asked outcome, the subgroup) says a lot.
  const weighed = (concept: Concept): Concept => {
    const inTitle = covers(title, concept) ? TITLE_CONCEPT_WEIGHT : 1;
    const describes = part.describing.includes(concept) ? DESCRIBING_WEIGHT : 1;
    const measure = concept.role === 'measure' ? MEASURE_WEIGHT : 1;
    const using = keyed.filter(({ keys }) => covers(keys, concept)).length;
    return {
      ...concept,
      weight: concept.weight * inTitle * describes * measure * rarity(keyed.length, using),
    };
  };
  const own = part.concepts.filter((c) => c.role !== 'generic').map(weighed);
  const others = [
    ...question.concepts.filter((c) => c.role !== 'generic' && !part.concepts.includes(c)),
    ...question.context,
  ].map(weighed);
  const measures = own.filter((c) => c.role === 'measure');
  const asked = new Set(question.parts.flatMap((p) => p.text.match(/\d+(?:[.,]\d+)?/g) ?? []));
  const askedNumbers = [...asked].map((n) => new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d])`));
  const forms = askedForms(part.text);
  // "how many men did they interview": the sample is the answer, and it stands in the methods.
  const asksSample = ASKS_SAMPLE.test(part.text) && !ASKS_OUTCOME.test(part.text);
  // A sentence that says nothing the part asks about rarely answers it, whatever else it has.
  const asksAbout = part.concepts.some((c) => c.role !== 'generic');
  const verbs = part.concepts.filter((c) => c.role === 'generic' && c.weight > 0);
  const wording = wordingOf(
    part.text,
    keyed.map(({ keys }) => keys.set),
  );
  const compares = COMPARES.test(part.text);
  const counted = countedConcept(part);
  return keyed.map(({ passage, keys }, position) => {
    const section = labelKind(passage.section);
    const flag = (value: boolean) => (value ? 1 : 0);
    const ownCoverage = weightedCoverage(keys, own);
    return {
      passage,
      features: {
        own: ownCoverage,
        others: weightedCoverage(keys, others),
        setup: flag(
          !asksSample &&
            (section === 'background' || section === 'methods' || SETUP_LANGUAGE.test(passage.text)),
        ),
        quantity: flag(statesQuantity(passage.text, asked)),
        form: flag(forms.some((form) => form.test(passage.text))),
        measure: flag(measures.some((m) => covers(keys, m))),
        results: flag(section === 'results'),
        conclusion: flag(section === 'conclusion'),
        statesResult: flag(RESULT_LANGUAGE.test(passage.text)),
        saysNothing: flag(asksAbout && ownCoverage === 0),
        wording: wording(keys.set),
        verbs: weightedCoverage(keys, verbs),
        position: position / keyed.length,
        length: Math.log(passage.text.length / 100),
        comparison: flag(compares && STATES_COMPARISON.test(passage.text)),
        statesSample: flag(asksSample && STATES_SAMPLE.test(passage.text)),
        countsAsked: flag(counted !== undefined && counts(passage.text, counted)),
        bias: 1,
        askedNumber: flag(askedNumbers.some((number) => number.test(passage.text))),
      },
    };
  });
}

/** "how many attacks", "how many of the kids": what the part wants counted. */
const HOW_MANY_OF = /\bhow many\s+(?:(?:of\s+)?(?:the|them|those|these|their)\s+)?([\p{L}][\p{L}-]{2,})/iu;

function countedConcept(part: AskedPart): Concept | undefined {
  const word = HOW_MANY_OF.exec(part.text)?.[1]?.toLowerCase();
  if (!word) return undefined;
  return part.concepts.find((c) => c.role !== 'generic' && c.text.toLowerCase().split(/\s+/).includes(word));
}

/**
 * A count right before what it counts: "32 attacks", "1022 (79.2%) casualties", "Forty-three
 * samples", and a mean count ("mean 3.9 surgically treated levels" for "how many levels on avg").
 */
const COUNT_THEN_WORDS = new RegExp(
  `(?<![\\p{L}\\d.])(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|(?:${NUMBER_WORD})(?:-(?:${NUMBER_WORD}))?)\\s+(?:\\([^()]{1,20}\\)\\s+)?((?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+)`,
  'giu',
);

function counts(sentence: string, concept: Concept): boolean {
  for (const match of sentence.matchAll(COUNT_THEN_WORDS)) {
    const counted = match[1] ?? '';
    if (covers(textKeysOf(counted), concept)) return true;
    // "how many animals": "Nineteen mechanically ventilated adult ewes" counts a kind of them.
    if (counted.split(/\s+/).some((word) => isKindOf(word, concept.text))) return true;
  }
  return false;
}

/** How few of a paper's `count` sentences use a word or concept that `using` of them use: an inverse sentence frequency. */
function rarity(count: number, using: number): number {
  return Math.log(1 + count / (1 + using));
}

/** A part that sets two things side by side: "IPAA vs IRA", "more than", "A or B". */
const COMPARES = /\b(?:vs\.?|versus|compared|than|or)\b/i;
const STATES_COMPARISON = /\b(?:vs\.?|versus|compared|than|whereas|respectively)\b/i;

/**
 * Share of the part's word keys a sentence uses, each weighed by its rarity among the paper's
 * sentences.
 */
function wordingOf(part: string, sentences: Set<string>[]): (sentence: Set<string>) => number {
  const asked = [...new Set(contentKeysOf(part))];
  const weights = new Map(
    asked.map((key) => {
      const using = sentences.filter((keys) => keys.has(key)).length;
      return [key, rarity(sentences.length, using)];
    }),
  );
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  return (sentence) =>
    total === 0
      ? 0
      : asked.reduce((sum, key) => sum + (sentence.has(key) ? (weights.get(key) ?? 0) : 0), 0) / total;
}

/**
 * The passages a model sees: for every part of the question, the best sentences of the leading
 * paper and the best few of the runners-up, without any lexical gate; the model says whether
 * they answer.
 */
export function passagesForModel(
  question: UnderstoodQuestion,
  papers: Paper[],
  limits: { total: number; leading: number; others: number },
): RankedPassage[] {
  const chosen = new Map<string, RankedPassage>();
  for (const [rank, paper] of papers.entries()) {
    const perPart = rank === 0 ? limits.leading : limits.others;
    for (const part of question.parts) {
      for (const ranked of rankPassagesForPart(paper, part, question).slice(0, perPart)) {
        const seen = chosen.get(ranked.passage.id);
        if (!seen || seen.score < ranked.score) chosen.set(ranked.passage.id, ranked);
      }
    }
  }
  return [...chosen.values()].slice(0, limits.total);
}
