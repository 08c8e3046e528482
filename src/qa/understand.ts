import {
  type Concept,
  conceptsOf,
  looksLikeDrugName,
  type SpellingIndex,
  type TermFrequencies,
} from '../vocabulary/index.js';
import { RecordingTermFrequencies } from './corpus-terms.js';
import { COUNT_ASKED, SAMPLE_ASKED } from './figure-forms.js';
import { type AskKind, leansOnThread, questionParts } from './question-shape.js';

export interface AskedPart {
  text: string;
  kind: AskKind;
  concepts: Concept[];
  /**
   * Concepts named only where the part says which paper it means ("the texas breast ca death
   * mapping by census tract - which years"): they pick the paper, not the sentence.
   */
  describing: Concept[];
}

/** A question read for what it is about, before any paper is looked at. */
export interface UnderstoodQuestion {
  parts: AskedPart[];
  /** Every concept the message itself names. */
  concepts: Concept[];
  /** What the thread's previous question named, when this message leans on it ("and in kids?"). */
  context: Concept[];
  /** The message only makes sense with the thread ("and the median f/u?"): the thread's papers answer it. */
  leansOnThread: boolean;
  /** Names no stored paper uses in any form: a drug, gene, trial or disease the papers don't cover. */
  unknown: Concept[];
  /** The index query: the message's words and the ways the papers say them. */
  searchText: string;
}

const ASKS_WHAT = /(?:^|\s[-–—]\s|:\s)\W*(?:\w+\W+){0,6}?(?:what|what's|whats)\b/i;
/** A yes/no or an effect: "does X help", "is Y prognostic", "any benefit", "worse off". */
const ASKS_EFFECT =
  /\b(?:does|did|do|is|are|was|were|can|could|should|will|would|has|have)\b|\b(?:improv\w*|help\w*|benefit\w*|better|worse|affect\w*|matter\w*|predict\w*|prognostic|associat\w*|differ\w*|reduc\w*|increas\w*|decreas\w*|lower|higher|safe|work\w*|worth|impact|effect\w*|change\w*|compare\w*|vs|versus)\b/i;
/** Asking what the authors make of something, not for its figure: "what do they say about…". */
const ASKS_VIEW =
  /\bwhat (?:do|did|does) (?:they|the authors|it|the paper|the study|the report|this|that) (?:say|conclude|recommend|suggest|advise|propose|think)\b/i;
/** "and same for squamous", "what about the kids", "ditto for stage II". */
const SAME_AGAIN =
  /^\W*(?:and\s+)?(?:(?:the\s+)?same\s+(?:for|in|with)|what about|how about|ditto|likewise|vs\.?)\b/i;
/** What a case described before the question weighs beside the question's own words. */
const CASE_WEIGHT = 0.5;
/**
 * A role word of the opening ("rad onc research:", "breast onc audit:") says who asks more than
 * what about: half of the rest of the context. On the 42 batches' tune halves 1,367 → 1,374 of
 * 1,697 answered right, refusals unchanged; holdout 1,215 → 1,218 of 1,577, one more
 * unanswerable admitted (466 of 542 refused). Dropping the words outright had admitted two on tune.
 */
const ROLE_WEIGHT = 0.5;
/** A sentence that asks: a question word or an auxiliary opening it, or a request. */
const ASKS_IN_SENTENCE =
  /^\W*(?:what|whats|what's|how|which|who|when|where|why|any|is|are|was|were|does|did|do|can|could|should|would|will|has|have)\b|\b(?:what|how many|how much|how long|which|whether|any data|pls|please)\b/i;
/** Forms of a concept added to the index query; the rest only decide matches. */
const QUERY_FORMS = 3;

/** Counts of the corpus's words, fetched in batches per question when they come from an index. */
export interface QuestionTerms {
  frequencies: TermFrequencies & {
    prepare?(terms: Iterable<string>): Promise<void>;
    has?(term: string): boolean;
  };
  /** The candidate papers' words, for reading misspellings; absent on a first reading. */
  spellings?: SpellingIndex;
}

/** Readings needed at most: what one reading looks up can lead to a few more words, not more. */
const MAX_READINGS = 4;

/**
 * Reads a question. When the counts come from an index, each reading records the words and
 * phrases it looked up that were not fetched yet (abbreviations' senses, synonyms,
 * corrections); they are fetched in one batch and the question is read again, until a reading
 * asks for nothing new.
 */
export async function understandQuestion(
  question: string,
  previousQuestion: string | undefined,
  terms: QuestionTerms,
): Promise<UnderstoodQuestion> {
  const { frequencies } = terms;
  if (frequencies.prepare && frequencies.has) {
    const fetched = frequencies as TermFrequencies & { has(term: string): boolean };
    for (let reading = 0; reading < MAX_READINGS; reading++) {
      const recording = new RecordingTermFrequencies(fetched);
      readQuestion(question, previousQuestion, { frequencies: recording, spellings: terms.spellings });
      if (recording.missing.size === 0) break;
      await frequencies.prepare(recording.missing);
    }
  }
  return readQuestion(question, previousQuestion, terms);
}

/** An ask that points back at something named before it: "keep giving it", "stop them". */
const REFERS_BACK = /\b(?:it|them|this drug|that drug|the drug)\b/i;
/**
 * "what predicted a shorter DFS", "which kinds of pts chose the lower dose": asked for what
 * made the difference, which a paper names in words, whatever measure the question names. On
 * the 30 batches' tune halves 1,011 → 1,017 of 1,221 answered right, holdout 888 → 889 of 1,143.
 */
const ASKS_FACTOR =
  /\b(?:what|which)\s+(?:(?:[\w-]+\s+){0,2}(?:factors?|features?|variables?|predictors?|groups?|kinds?|types?|subgroups?|characteristics|things)\b|(?:independently\s+|actually\s+|best\s+)?(?:predicted|predicts|predict|drove|drives|drive|affected|affects|influenced|determined|explained|dragged|worsened|mattered)\b)/i;
/** What the patient of a case line takes: "pt on fondaparinux", "on ibrutinib for CLL". */
const TAKING = /\bon ([\p{L}][\p{L}\d-]+)/u;

function readQuestion(
  question: string,
  previousQuestion: string | undefined,
  terms: QuestionTerms,
): UnderstoodQuestion {
  const options = { terms: terms.frequencies, spellings: terms.spellings };
  const { caseLines, asked } = splitCaseContext(withoutPlaceholders(question));
  // "pt on fondaparinux (old HIT) … ok to keep giving it up to surgery?": the ask's "it" is the
  // drug the case names, so that drug is what the answering paper must be about.
  const taken = caseLines && REFERS_BACK.test(asked) ? TAKING.exec(caseLines)?.[1] : undefined;
  const caseDrugs = taken ? conceptsOf(taken, options).filter((c) => c.known && c.role !== 'generic') : [];
  const parts = questionParts(asked).map((part) => {
    const own = withoutSampleAsking(part.text, conceptsOf(part.text, options));
    const concepts = own.some((c) => c.role === 'code') ? own : uniqueConcepts([...caseDrugs, ...own]);
    // "what was the ADR?", "fondaparinux half life??": naming a measure without asking for an
    // effect is asking for its figure.
    const asksMeasure =
      concepts.some((c) => c.role === 'measure') &&
      !ASKS_VIEW.test(part.text) &&
      (ASKS_WHAT.test(part.text) || !ASKS_EFFECT.test(part.text));
    const asksFactor = ASKS_FACTOR.test(part.text) && !COUNT_ASKED.test(part.text);
    return {
      ...part,
      kind: asksFactor ? ('finding' as const) : asksMeasure ? ('figure' as const) : part.kind,
      concepts,
      describing: describingConcepts(part.text, concepts),
    };
  });
  // "…mean time from a normal pap to dx of adenoca? and same for squamous": a part that only
  // swaps one thing asks the earlier part's question again.
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] as (typeof parts)[number];
    const earlier = parts[i - 1] as (typeof parts)[number];
    if (SAME_AGAIN.test(part.text))
      parts[i] = {
        ...part,
        kind: earlier.kind,
        concepts: uniqueConcepts([...part.concepts, ...earlier.concepts]),
      };
  }
  const concepts = uniqueConcepts(parts.flatMap((part) => part.concepts));
  // A word no paper uses ("any downside to…") names no other subject for the thread to yield to.
  const subjectWeights = concepts
    .filter((c) => c.role === 'code' || (c.role === 'subject' && c.known))
    .map((c) => c.weight);
  const leans = previousQuestion !== undefined && leansOnThread(question, subjectWeights);
  // "thoracic onc: lung ca pts from poorer postcodes…" opened the thread: who asked is no more
  // the follow-up's subject than it was the first question's.
  const fromThread = leans
    ? conceptsOf(withoutAsker(withoutPlaceholders(previousQuestion)).rest, options).filter((c) => c.known)
    : [];
  // The patient described first ("28F HL survivor, mantle RT while pregnant.") helps choose the
  // paper, but the paper need not name her stage, mutation or age.
  const caseConcepts = caseLines ? conceptsOf(caseLines, options) : [];
  const fromCase = caseConcepts
    .filter((c) => c.known && c.role !== 'generic')
    .map((c) => ({
      ...c,
      role: c.role === 'code' ? ('subject' as const) : c.role,
      weight: c.weight * CASE_WEIGHT * (ROLE_ONLY.test(c.text) ? ROLE_WEIGHT : 1),
    }));
  const context = uniqueConcepts([...fromCase, ...fromThread]).filter(
    (c) => !concepts.some((own) => own.text === c.text),
  );
  // A drug no paper names still rules the papers out, wherever the message names it; the
  // patient's stage, variant or shorthand ("pT2N0", "V600E", "RUL") does not.
  const unknown = [
    ...concepts.filter((c) => !c.known && c.role === 'code'),
    ...caseConcepts.filter((c) => !c.known && c.role === 'code' && looksLikeDrugName(c.text)),
  ];
  const searchText = [question, ...[...concepts, ...context].flatMap(queryPhrases)].join(' ');
  return { parts, concepts, context, leansOnThread: leans, unknown, searchText };
}

const SAMPLE_ASKING = new RegExp(SAMPLE_ASKED, 'giu');

/**
 * "how big was the cohort", "sample size?": the words that ask for the number studied are no
 * subject a paper must name, as "how many patients" is not.
 */
function withoutSampleAsking(part: string, concepts: Concept[]): Concept[] {
  const asking = [...part.matchAll(SAMPLE_ASKING)].flatMap((match) =>
    match[0].toLowerCase().split(/[^\p{L}]+/u),
  );
  if (asking.length === 0) return concepts;
  return concepts.filter((c) => !asking.includes(c.text.toLowerCase()));
}

function queryPhrases(concept: Concept): string[] {
  if (concept.role === 'generic' || !concept.known) return [];
  return concept.phrases.slice(1, 1 + QUERY_FORMS);
}

function uniqueConcepts(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    const key = c.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * "pT2N0 lung adeno 4.2 cm, resected. 5y OS by size in that series?": sentences that describe a
 * case before the one that asks (only when the last sentence asks and the earlier ones do not),
 * and a sentence after the ask that names the paper.
 */
function splitCaseContext(message: string): { caseLines?: string; asked: string } {
  const { asker, rest: question } = withoutAsker(message);
  const { asked: withoutSource, source } = splitTrailingSource(question);
  const sentences = withoutSource.split(/(?<=[.!])\s+(?=\S)/);
  const last = sentences.at(-1) as string;
  const earlier = sentences.slice(0, -1);
  const told = (lines: string[]) => [...(asker ? [asker] : []), ...lines].join(' ') || undefined;
  if (sentences.length < 2 || !asks(last) || earlier.some(asks))
    return { caseLines: told(source ? [source] : []), asked: withoutSource };
  return { caseLines: told([...earlier, ...(source ? [source] : [])]), asked: last };
}

/**
 * "korean vs US gastric ca after R0 resection - how many pts at each centre": the concepts named
 * before a dash or colon that does not ask, when what follows it does, and not named again after it.
 */
function describingConcepts(part: string, concepts: Concept[]): Concept[] {
  const split = /^(.{8,}?)\s[-–—]\s|^(.{8,}?):\s/su.exec(part);
  const description = split?.[1] ?? split?.[2];
  const ask = split ? part.slice(split[0].length) : part;
  if (!description || asks(description) || !asks(ask)) return [];
  const named = (text: string, concept: Concept) => text.toLowerCase().includes(concept.text.toLowerCase());
  return concepts.filter((c) => named(description, c) && !named(ask, c));
}

/** Who asks, not what: a specialty, a role, "q", "consult". */
const ROLE_WORD =
  '(?:peds|paeds|pediatric|paediatric|adult|gyn|gyne|gynae|onc|onco|oncology|surg|surgical|surgery|surgeon|ortho|orthopaedics?|orthopedics?|vasc|omfs|msk|rheum|rheumatology|nephro|nephrology|anaesth|anesth|anaesthetist|anesthesiologist|nicu|picu|cardio|gi|path|pathology|cyto|cytology|heme|haem|hem|haematology|hematology|uro|urology|rad|rads|radiology|radiologist|ir|nuc|nuclear|med|medicine|ent|h&n|neuro|neurosurg|neurosurgery|cardiac|cards|cardiology|derm|ed|icu|itu|anaesthesia|anesthesia|anaesthetics|pulm|resp|renal|endo|endocrine|thoracic|colorectal|hpb|vascular|fellow|resident|registrar|nurse|pharmacy|pharmacist|geri|geriatrics?|ob|obs|obgyn|anaes|resus|hep|ep|gme|mdt|lab|consult|colleague|q|question|query|plastics|maxfax|andrology|urogyn|gu|neurorad|neurorads|neuroanaesth|neuroanesth|cytopath|mol|pharm|micro|microbiology|id|np|pa|gp|im|hospitalist|psych|psychiatry|ophtho|rehab|pall|palli|occ|emerg|ems|retrieval|neonatal|neonatology|gen|supp|supportive|palliative|bariatric|bariatrics|bmt|survivorship|care)(?![\\p{L}&])';
/**
 * "peds surg:", "uro path -", "gyn onc colleague asking:", "haem consult:" opening a message say
 * who asks, not what about: no paper need name them.
 */
const ASKER = new RegExp(`^\\s*(?:${ROLE_WORD}[\\s/&+-]*){1,4}?(?:asking|here)?\\s*(?::|\\s[-–—])\\s+`, 'iu');

/**
 * "peds ward:", "global onc:", "breast mdt:": an opening that names who asks with a word of
 * where or of what besides. Those words may help choose the paper, but no paper need name them.
 */
const ASKER_WITH_SETTING = /^\s*((?:[\p{L}&]+[\s/&+-]*){1,3}?)\s*:\s+/iu;
/** The whole concept is a role word: "onc", "surg", "nurse". */
const ROLE_ONLY = new RegExp(`^${ROLE_WORD}$`, 'iu');
const HAS_ROLE_WORD = new RegExp(`(?<![\\p{L}&])${ROLE_WORD}`, 'iu');

function withoutAsker(message: string): { asker?: string; rest: string } {
  const asker = ASKER.exec(message);
  if (asker) {
    const rest = message.slice(asker[0].length);
    return /\p{L}{3}/u.test(rest) ? { rest } : { rest: message };
  }
  const setting = ASKER_WITH_SETTING.exec(message);
  const rest = setting ? message.slice(setting[0].length) : message;
  if (!setting?.[1] || !HAS_ROLE_WORD.test(setting[1]) || !/\p{L}{3}/u.test(rest)) return { rest: message };
  return { asker: setting[1], rest };
}

/** "for ?lymphangitic spread": a question mark before a word marks a suspicion, not an ask. */
function asks(text: string): boolean {
  return /\?(?!\p{L})/u.test(text) || ASKS_IN_SENTENCE.test(text);
}

/** Names the paper asked about: "the tokyo NCC series of 2770 resections", "from that SEER one". */
const NAMES_A_SOURCE = /\b(?:series|study|trial|paper|cohort|registry|audit|review|analysis|one)\b/i;

/**
 * "…or is that only an adeno thing? the tokyo NCC series of 2770 resections": after the ask, a
 * sentence that only says which paper is meant picks the paper, and asks nothing of it.
 */
function splitTrailingSource(question: string): { asked: string; source?: string } {
  const match = /^(.*\?)\s+([^?]+?)\s*$/su.exec(question);
  const source = match?.[2];
  if (!match?.[1] || !source || asks(source) || !NAMES_A_SOURCE.test(source)) return { asked: question };
  return { asked: match[1], source };
}

/** "[name]", "[MRN]": what redaction left is not what the question is about. */
function withoutPlaceholders(text: string): string {
  return text.replace(/\[[^\]]*\]/g, ' ');
}
