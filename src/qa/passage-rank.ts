import { labelKind } from '../text/index.js';
import type { Paper } from '../types.js';
import { type Concept, textKeysOf } from '../vocabulary/index.js';
import { covers, sentenceKeys, weightedCoverage } from './concept-match.js';
import { type Passage, splitIntoPassages } from './passages.js';
import type { AskedPart, UnderstoodQuestion } from './understand.js';

export interface RankedPassage {
  passage: Passage;
  paper: Paper;
  score: number;
  /** The sentence states a quantity (a count, a percentage, a ratio). */
  quantity: boolean;
}

/** What the other parts of the question (and the thread's question) add to a sentence's fit. */
const OTHER_CONCEPTS_WEIGHT = 0.35;
/**
 * A concept the paper's title already names is the paper's subject: the answering sentence
 * need not repeat it, and sentences that do (background, aims) are not better for it.
 */
const TITLE_CONCEPT_WEIGHT = 0.5;
/** What was measured is what a sentence must be about to answer. */
const MEASURE_WEIGHT = 2;
/** Bonuses on a 0..1 coverage scale; tuned on the tune half of the clinician dev set. */
const FIGURE = {
  quantity: 0.35,
  noQuantity: -0.4,
  measure: 0.2,
  results: 0.15,
  form: 0.25,
  askedNumber: 0.2,
};
const FINDING = { conclusion: 0.15, results: 0.15, quantity: 0.05, statesResult: 0.15 };
/**
 * What kind of number a figure question wants, and how a sentence writes it: a share
 * ("how many", "what %", "rate", "sensitivity") as "35.3%", "43 of 44", "5/9" or "seventy-six
 * percent"; a time ("how long", "median f/u") with its unit; an effect size ("OR", "HR").
 */
const FIGURE_FORMS: { asks: RegExp; states: RegExp }[] = [
  {
    asks: /\b(?:how (?:many|often|common|frequent|likely|sensitive|specific|accurate)|%|percent\w*|proportion|fraction|share|rates?|incidence|prevalence|sensitivity|specificity|accuracy|yield|ppv|npv)\b|%/i,
    states: /\d\s?%|\bper ?cent\b|\b\d+\s*(?:of|out of|\/)\s*(?:the\s)?\d+\b/i,
  },
  {
    asks: /\b(?:how long|how soon|median|mean|duration|time|months?|years?|days?|weeks?|follow[- ]?up|f\/u)\b/i,
    states: /\b\d+(?:[.,·]\d+)?\s?(?:-\s?)?(?:days?|weeks?|months?|years?|yrs?|hours?|h|min|minutes?)\b/i,
  },
  {
    asks: /\b(?:OR|HR|RR|odds|hazard|relative risk|risk ratio)\b/,
    states: /\b(?:OR|HR|RR|aOR|aHR|odds ratios?|hazard ratios?|relative risks?|risk ratios?)\b/i,
  },
];
/** Aims, background and methods set a question up; they do not answer it. */
const SETUP_PENALTY = 0.4;
/** A sentence that says what the study set out to do, in whatever section it stands. */
const SETUP_LANGUAGE =
  /\b(?:aims?|aimed|objectives?|purpose|we sought|sought to|to (?:determine|evaluate|assess|investigate|compare|examine|explore|establish|identify|analy[sz]e|describe|review)|hypothesi[sz]ed?|were (?:enrolled|included|identified|reviewed|randomi[sz]ed)|retrospective(?:ly)? review)/i;
/**
 * A full-text sentence that cites other work ("[3]", "(Bosetti et al, 2009)") reports that
 * work's finding, not this paper's: an introduction or discussion leaning on the literature.
 */
const CITES_OTHER_WORK =
  /\[\d+(?:\s*[,–-]\s*\d+)*\]|\([^()]*\bet al\.?,? \(?(?:19|20)\d\d[a-z]?|\([A-Z][\p{L}'-]+(?: and [A-Z][\p{L}'-]+)?,? (?:19|20)\d\d[a-z]?[;)]/u;
const OTHER_WORK_PENALTY = 0.3;
/**
 * An article's methods section describes every analysis in the words of its results ("analyses
 * were performed by country and subsite"), at length: beyond the setup penalty, its sentences
 * rank below the result they set up. Tuned on the tune half of the full-text dev set.
 */
const FULL_TEXT_METHODS_PENALTY = 0.2;
/** "95% CI" names the interval's level, not a result: it is no quantity for a figure question. */
const CONFIDENCE_LEVEL = /\b95\s?%\s?(?:CIs?\b|C\.I\.|confidence intervals?|credible intervals?)/gi;
/** Words with which a sentence states a result rather than sets one up. */
const RESULT_LANGUAGE =
  /\b(?:significant(?:ly)?|difference|differ(?:ed|s)?|associated|correlat\w*|improv\w*|reduc\w*|increas\w*|decreas\w*|higher|lower|better|worse|predict\w*|independent(?:ly)?|no longer|not|no|did|remained|comparable|similar|superior|inferior|safe|effective|benefit\w*)\b/i;

/** A number that is not a year or a list marker ("(1)"): "35.3%", "18 days", "HR 0.68", "(n = 70)", "(12)". */
/** "Seventy-six percent", "six of the 17": numbers written as words count too. */
const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\s+(?:percent|per cent|of|patients|cases|children)\b/i;
const QUANTITIES = /(?<![\p{L}\d.(])(?!(?:19|20)\d\d\b)\d+(?:[.,·]\d+)?|\(\d+(?:[.,·]\d+|\s?%|\d)/gu;

/**
 * The sentences of a paper ranked for one part of a question. A figure question wants a
 * sentence with a quantity about what was asked, and results over background; a finding wants
 * the conclusion or the result that states it. Methods and background sentences that merely
 * repeat the question's words rank below the sentence that answers it.
 */
/** A quantity other than the ones the question itself gave ("masses >7cm" is not an answer). */
function statesQuantity(text: string, asked: Set<string>): boolean {
  if (NUMBER_WORDS.test(text)) return true;
  for (const match of text.replace(CONFIDENCE_LEVEL, ' ').matchAll(QUANTITIES)) {
    const number = match[0].replace(/^\(/, '').match(/\d+(?:[.,·]\d+)?/)?.[0];
    if (number && !asked.has(number)) return true;
  }
  return false;
}

export function rankPassagesForPart(
  paper: Paper,
  part: AskedPart,
  question: UnderstoodQuestion,
): RankedPassage[] {
  const passages = splitIntoPassages(paper);
  const keyed = passages.map((passage) => ({ passage, keys: sentenceKeys(paper, passage.text) }));
  const title = textKeysOf(paper.title);
  // Within the paper, a concept most sentences repeat (its disease) says little about which
  // sentence answers; one few sentences use (the asked outcome, the subgroup) says a lot.
  const weighed = (concept: Concept): Concept => {
    const inTitle = covers(title, concept) ? TITLE_CONCEPT_WEIGHT : 1;
    const measure = concept.role === 'measure' ? MEASURE_WEIGHT : 1;
    const using = keyed.filter(({ keys }) => covers(keys, concept)).length;
    const distinct = Math.log(1 + keyed.length / (1 + using));
    return { ...concept, weight: concept.weight * inTitle * measure * distinct };
  };
  const own = part.concepts.filter((c) => c.role !== 'generic').map(weighed);
  const others = [
    ...question.concepts.filter((c) => c.role !== 'generic' && !part.concepts.includes(c)),
    ...question.context,
  ].map(weighed);
  const measures = own.filter((c) => c.role === 'measure');
  const asked = new Set(question.parts.flatMap((p) => p.text.match(/\d+(?:[.,]\d+)?/g) ?? []));
  const forms = FIGURE_FORMS.filter((form) => form.asks.test(part.text)).map((form) => form.states);
  return keyed
    .map(({ passage, keys }) => {
      const quantity = statesQuantity(passage.text, asked);
      const section = labelKind(passage.section);
      const setup = section === 'background' || section === 'methods' || SETUP_LANGUAGE.test(passage.text);
      let score = weightedCoverage(keys, own) + OTHER_CONCEPTS_WEIGHT * weightedCoverage(keys, others);
      if (setup) score -= SETUP_PENALTY;
      if (passage.basis === 'full text' && CITES_OTHER_WORK.test(passage.text)) score -= OTHER_WORK_PENALTY;
      if (passage.basis === 'full text' && section === 'methods') score -= FULL_TEXT_METHODS_PENALTY;
      if (part.kind === 'figure') {
        score += quantity ? FIGURE.quantity : FIGURE.noQuantity;
        if (forms.some((form) => form.test(passage.text))) score += FIGURE.form;
        // "a 5% increase at any site": the question's own number picks which of several results.
        if (
          [...asked].some((n) =>
            new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d])`).test(passage.text),
          )
        )
          score += FIGURE.askedNumber;
        if (measures.some((m) => covers(keys, m))) score += FIGURE.measure;
        if (section === 'results') score += FIGURE.results;
      } else {
        if (section === 'conclusion') score += FINDING.conclusion;
        if (section === 'results') score += FINDING.results;
        if (quantity) score += FINDING.quantity;
        if (RESULT_LANGUAGE.test(passage.text)) score += FINDING.statesResult;
      }
      return { passage, paper, score, quantity };
    })
    .sort((a, b) => b.score - a.score);
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
