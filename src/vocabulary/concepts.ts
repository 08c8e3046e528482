import { longFormsOf } from './abbreviations.js';
import { codeVariantsOf, stageOf } from './code-spellings.js';
import { isEverydayWord } from './common-words.js';
import {
  buildConcept,
  type Concept,
  type ConceptRole,
  contentWordsOf,
  isChatter,
  isMeasurePhrase,
  phraseKnown,
} from './concept-build.js';
import { looksLikeCode, looksLikeDrugName } from './drug-names.js';
import { nuclideConcept } from './isotopes.js';
import { compoundConcept, joinedConcept, typedTogether, writtenApart } from './joined-words.js';
import { meshEntryTermsOf, meshTermSlippedTo, symbolAliasesOf } from './mesh-entry-terms.js';
import {
  countedWord,
  ordinalWord,
  performanceStatusWord,
  saysHowMuchOrWhen,
  withoutSalt,
} from './shorthand-shapes.js';
import type { SpellingIndex } from './spelling.js';
import type { TermFrequencies } from './term-frequencies.js';
import { CHAT_WORDS, FUNCTION_WORDS, QUANTITY_CUE_WORDS } from './word-classes.js';
import { foldWord } from './word-key.js';
import {
  attributesOf,
  dictionaryWordSlippedTo,
  isDictionaryWord,
  isThing,
  nounsOfAdjective,
  nounsOfVerb,
  peopleKindsOf,
  pertainymsOf,
  removalsOf,
  slipsOf,
  synonymsOf,
} from './wordnet.js';
import { plainWordsOf, tokensOf } from './words.js';

export type { Concept, ConceptRole };

export interface ConceptOptions {
  terms: TermFrequencies;
  /** The stored papers' words: a misspelt word ("nasopharyngael") is read as the nearest of them. */
  spellings?: SpellingIndex;
}

/**
 * Papers' words are technical: a lay word ("kids", "belly", "heavier", "fibroids") used by this
 * few papers is bridged to theirs through WordNet and MeSH entry terms.
 */
const RARE_DOCS = 3;
/** What a verb or adverb still counts for, next to the nouns and adjectives that name things. */
const VERB_WEIGHT = 0.3;
/** Long forms beyond these are rare senses ("CTX" has 18): they add noise, not recall. */
const MAX_LONG_FORMS = 6;
/** Everyday words (SCOWL sizes 10 and 20) weigh this share of their corpus weight: "gap", "bigger", "blamed" are chat, not subject. */
const EVERYDAY_WEIGHT = 0.3;
/** Share of its weight an English word no paper uses keeps. */
const UNKNOWN_WORD_SHARE = 0.5;
/** What an unknown lower-case word (slang, a slip) counts for against a paper that does not say it. */
const UNKNOWN_SLANG_WEIGHT = 2;
/** Longer unknown words are names (a drug without a USAN ending, a new procedure), not slang. */
const SLANG_MAX_LENGTH = 10;
/** Capitals this long that no paper uses name a trial or a code: "TARGIT", "MINDACT". */
const TRIAL_NAME_LENGTH = 5;
/** Completions tried for a clipped word ("panc"). */
const COMPLETIONS = 3;
const MIN_CLIPPED_LENGTH = 4;
/** What a count of the people or samples studied follows ("sample count", "the count"). */
const COUNTED_BEFORE =
  /^(?:|the|a|what|total|overall|final|sample|samples|patient|patients|pt|pts|case|cases|subject|subjects|participant|participants|people|head|body)$/i;
/** "yo", "y/o" after a number: years old. */
const AGE_AFTER_NUMBER = /^(?:yo|y\/o|y\.o\.?|yoa)$/i;
/** Words before a centre's initials: "at MGH", "from MDACC". */
const AT_A_PLACE = /^(?:at|from)$/i;
/** Prefixes typed apart with a hyphen ("post-lecture", "pre-op", "non-smokers"). */
export const BOUND_PREFIXES = new Set('post pre non anti re co peri intra sub semi mid'.split(' '));
/** Prefixes that make a word from a word: "sub"+"fascial", "de"+"functioning". */
const DERIVING_PREFIXES =
  /^(?:sub|supra|infra|intra|inter|extra|peri|para|trans|retro|pre|post|re|de|un|non|anti|hyper|hypo|endo|epi|multi|hemi|semi|micro|macro|over|under|dis|mis|pseudo|ultra)(\p{L}{4,})$/u;
/** The ones that say when ("non small cell" and "mid rectal" typed apart still say what). */
const TIME_PREFIXES = new Set('post pre peri intra'.split(' '));
/** Greek and Latin endings of diseases, findings and operations, and of the adjectives that describe them ("lymphangitic"). */
const MEDICAL_NOUN_ENDING =
  /(?:omas?|itis|oses|osis|ectomy|ectomies|otomy|ostomy|plasty|emia|aemia|pathy|plasia|algia|ectasia|cele|rrhea|rrhoea|rrhage|scopy|graphy|uria|penia|cytosis|itic|otic|ytic|emic|aemic|genic|plastic|ology|ologist|ologists)$/;
/** A dictionary word this long that no paper uses is more likely a slip than chat. */
const LONG_WORD = 9;
/** "spleen out", "eyes got taken out", "uterus removed": an organ's removal in lay words. */
const REMOVAL_WORDS = /\b(?:out|remov\w*|excis\w*|taken|take|took|cut)\b/i;

/** How the question around a word says to read it. */
interface Reading {
  /** The question speaks of taking something out: an organ is also its removal. */
  removal: boolean;
  /** "how" stands right before: an adjective is also what it measures. */
  measured: boolean;
}

/** Words after which a verb follows: an infinitive's "to", a subject, an auxiliary. */
const VERB_BEFORE =
  /^(?:to|i|we|you|they|he|she|it|did|do|does|didn't|don't|doesn't|will|would|can|could|should|must|may|might|not|never)$/i;

/**
 * What a question is about, concept by concept, each with the ways the stored papers may say
 * it: abbreviations expanded ("pts", "OS", "XRT"), lay words bridged ("armpit" → axilla,
 * "kids" → child), adjectives tied to their nouns ("nasopharyngeal" ↔ nasopharynx), typos
 * read as the nearest word the candidate papers use. Grammar and chat words are left out.
 */
export function conceptsOf(question: string, options: ConceptOptions): Concept[] {
  const { spellings } = options;
  const removal = REMOVAL_WORDS.test(question);
  const concepts: Concept[] = [];
  const tokens = tokensOf(question);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const nuclide =
      i + 1 < tokens.length
        ? nuclideConcept(token, tokens[i + 1] as string, tokens[i + 2], options.terms)
        : undefined;
    if (nuclide) {
      concepts.push(nuclide);
      i++;
      continue;
    }
    const pair = i + 1 < tokens.length ? `${token} ${tokens[i + 1]}` : undefined;
    // "did that push them to set up care pathways": after "to" or a subject the pair is a verb
    // and its particle, not the papers' noun "setup".
    const verbal = VERB_BEFORE.test(tokens[i - 1] ?? '');
    const compound = pair
      ? (compoundConcept(pair, options.terms) ?? (verbal ? undefined : joinedConcept(pair, options.terms)))
      : undefined;
    if (compound) {
      concepts.push(compound);
      i++;
      continue;
    }
    // "a 30 yo cyclist": the patient's age typed apart says who, as "30yo" does, not what about.
    if (AGE_AFTER_NUMBER.test(token) && /^\d{1,3}$/.test(tokens[i - 1] ?? '')) continue;
    // "the sample count", "count of pts": how many were studied, asked as "number" asks; a
    // "platelet count" or "node count" is a measure the papers name.
    if (/^counts?$/i.test(token) && COUNTED_BEFORE.test(tokens[i - 1] ?? '')) continue;
    // "how heavy", "how thick": the adjective asks for what it measures (weight, thickness). One
    // that measures nothing WordNet knows ("how reliable", "how useful") only asks how good.
    const reading = { removal, measured: /^how$/i.test(tokens[i - 1] ?? '') };
    const read = tokenConcepts(token, options.terms, spellings, reading).map((c) =>
      reading.measured && c.role === 'subject' && attributesOf(token, true).length === 0
        ? { ...c, role: 'generic' as const, weight: c.weight * VERB_WEIGHT }
        : c,
    );
    // "at MGH", "from MDACC": capitals after "at" or "from" name a centre, not a drug the papers lack.
    const centre = AT_A_PLACE.test(tokens[i - 1] ?? '') && /^[A-Z]{2,6}$/.test(token);
    concepts.push(
      ...read.map((c) =>
        centre && !c.known && c.role === 'code'
          ? { ...c, role: 'subject' as const, weight: UNKNOWN_SLANG_WEIGHT }
          : c,
      ),
    );
  }
  return dedupe(concepts);
}

function tokenConcepts(
  token: string,
  terms: TermFrequencies,
  spellings: SpellingIndex | undefined,
  reading: Reading,
): Concept[] {
  const folded = foldWord(token);
  // "ALL", "AND", "IT" in capitals are acronyms; in lower case, grammar.
  const acronym = token.length >= 2 && token === token.toUpperCase() && /\p{Lu}/u.test(token);
  if (CHAT_WORDS.has(folded) || QUANTITY_CUE_WORDS.has(folded)) return [];
  if (FUNCTION_WORDS.has(folded) && !(acronym && longFormsOf(token).length > 0)) return [];
  if (folded.length < 2) return [];
  // "post thyroidectomy", "pre op": a prefix of time typed apart from its word says when, not what about.
  if (TIME_PREFIXES.has(token)) return [];
  if (saysHowMuchOrWhen(token)) return [];
  // "16-centre", "2nd", "PS2": the counted word, the ordinal as papers write it, the score's name.
  const word = countedWord(token) ?? ordinalWord(token) ?? performanceStatusWord(token);
  if (word !== undefined) return word ? tokenConcepts(word, terms, spellings, reading) : [];
  // "T1a", "pT2N0", "N2", "the T2s", "T1-2": read as the stage, not as "nitrogen", and never as a name to rule out.
  const stage = stageOf(token);
  if (stage) return [buildConcept(token, [stage, ...codeVariantsOf(stage)], terms, 'subject')];
  const senses = sensesOf(token);
  // "w/o", "s/p" in their chat sense ("without") are grammar, whatever else they abbreviate.
  if (senses[0] !== undefined && isChatter(senses[0])) return [];
  // A code ("KEYNOTE-189", "PD-L1", "CAR-T") is one name that a paper must use; "MR-US" is two abbreviations.
  const code = looksLikeCode(token) && (/\d/.test(token) || /-[A-Z]$/.test(token));
  const longForms = senses.filter((text) => !isChatter(text));
  if (longForms.length > 0) {
    const whole = longForms.filter((text) => phraseKnown(text, terms)).slice(0, MAX_LONG_FORMS);
    const shorter = longForms
      .slice(0, MAX_LONG_FORMS)
      .flatMap(withoutSalt)
      .filter((text) => phraseKnown(text, terms));
    const known = [...whole, ...shorter];
    const role = code ? 'code' : known[0] !== undefined && isMeasurePhrase(known[0]) ? 'measure' : undefined;
    const variants = code ? codeVariantsOf(token) : [];
    const concept = buildConcept(token, [token, ...variants, ...known], terms, role);
    if (concept.known) return [concept];
    // "mom", "isnt" typed in lower case are words, not the abbreviations MoM or ISNT no paper uses.
    if (token === token.toLowerCase() && !code && isDictionaryWordOrSlang(token))
      return [wordConcept(token, terms, spellings, reading)];
    // No paper uses it in any sense, not even the words of its senses: it names what no paper covers.
    const wordsKnown = longForms.some((text) =>
      contentWordsOf(text).every((word) => terms.documentFrequency(word) > 0),
    );
    return [
      { ...concept, role: code || !wordsKnown || oncologySenseUnused(token, terms) ? 'code' : concept.role },
    ];
  }
  // "5FU/LV", "carbo/taxol": a regimen of drugs the papers name one by one.
  const regimen = token.split('/');
  if (code && regimen.length > 1 && regimen.every((drug) => knownSomehow(drug, terms)))
    return regimen.flatMap((drug) => tokenConcepts(drug, terms, spellings, reading));
  if (code)
    return [
      buildConcept(token, [token, ...codeVariantsOf(token), ...aliasesUsed(token, terms)], terms, 'code'),
    ];
  // "post-lecture", "non-responders": a bound prefix says when or which, not what about.
  const parts = plainWordsOf(token);
  if (parts.length > 1)
    return parts
      .filter((part, k) => k === parts.length - 1 || !BOUND_PREFIXES.has(foldWord(part)))
      .flatMap((part) => tokenConcepts(part, terms, spellings, reading));
  // "timepoints" the papers write apart is read in `wordConcept` as their phrase.
  const halves = typedTogether(token, terms);
  if (halves && !writtenApart(token, terms))
    return halves.flatMap((half) => tokenConcepts(half, terms, spellings, reading));
  return [wordConcept(token, terms, spellings, reading)];
}

/** "otic"/"osis" on a stem of at least four letters: "psychotic", not "otic" itself. */
const CONDITION_PAIR_LENGTH = 8;

/**
 * A condition's Greek-formed adjective and noun, each for the other: "osteoporotic" ↔
 * osteoporosis, "cirrhotic" ↔ cirrhosis, "anastomotic" ↔ anastomosis. A question says "the
 * osteoporotic ones", the paper "women who develop osteoporosis"; the stemmer keeps them apart.
 */
function conditionPairOf(word: string): string[] {
  const folded = word.toLowerCase();
  if (folded.length < CONDITION_PAIR_LENGTH) return [];
  if (folded.endsWith('otic')) return [`${folded.slice(0, -4)}osis`];
  if (folded.endsWith('osis')) return [`${folded.slice(0, -4)}otic`];
  return [];
}

function wordConcept(
  word: string,
  terms: TermFrequencies,
  spellings: SpellingIndex | undefined,
  reading: Reading,
): Concept {
  const df = terms.documentFrequency(word);
  const alternatives = [
    word,
    ...pertainymsOf(word),
    ...nounsOfAdjective(word),
    ...nounsOfVerb(word),
    ...conditionPairOf(word),
    ...(reading.removal ? removalsOf(word) : []),
    ...(reading.measured ? attributesOf(word, true) : []),
  ];
  // A lay word the papers rarely use is bridged to theirs: "kids" → child, "heavier" → weight.
  if (df <= RARE_DOCS)
    alternatives.push(...synonymsOf(word), ...attributesOf(word), ...meshEntryTermsOf(word));
  // "toddlers" → child: a word for people that no paper uses is bridged to their broader group;
  // one some paper uses ("elders", "thai") is asked for itself.
  if (df === 0) alternatives.push(...peopleKindsOf(word));
  const drug = looksLikeDrugName(word);
  // "breastfeeding" where the paper writes "breast-feeding", "healthcare" where it has "health care".
  const apart = drug ? undefined : writtenApart(word, terms);
  if (apart && df > 0) alternatives.push(apart, apart.replace(' ', '-'));
  // "replicaton", "esophagectmy": a slip of an English word or a MeSH term no paper uses is that
  // word, not a name the papers lack; "TRANSMET" in capitals is a trial's name.
  const slip =
    df === 0 && !drug && word === word.toLowerCase()
      ? (dictionaryWordSlippedTo(word) ?? meshTermSlippedTo(word))
      : undefined;
  if (slip) alternatives.push(slip);
  const dictionary = slip !== undefined || isDictionaryWord(word);
  // "TARGIT", "MINDACT": a name in capitals that no paper uses is a trial or a code the papers
  // lack, not a misspelt word ("target").
  const trialName = df === 0 && word.length >= TRIAL_NAME_LENGTH && /^\p{Lu}+$/u.test(word) && !dictionary;
  if (trialName) return { ...buildConcept(word, alternatives, terms, undefined), role: 'code' };
  // "actualy" (actually, actual, actuary): a slip that may be of an everyday word is chat, not a
  // subject to read as the nearest word of the papers.
  const everydaySlip =
    df === 0 &&
    !drug &&
    !dictionary &&
    word === word.toLowerCase() &&
    slipsOf(word).some((w) => isEverydayWord(w, true));
  if (everydaySlip)
    return { ...buildConcept(word, alternatives, terms, undefined), role: 'generic', weight: 0 };
  if (df === 0 && spellings) {
    // A long dictionary word no paper uses is read at one edit too: WordNet lists "propanolol".
    const corrected = dictionary
      ? word.length >= LONG_WORD
        ? spellings.nearest(word, 1)
        : undefined
      : spellings.nearest(word, drug ? 1 : undefined);
    if (corrected) alternatives.push(corrected);
    // "overall diagnostic yeild?" asks for a figure as much as "yield" does.
    if (corrected && isMeasurePhrase(corrected)) return buildConcept(word, alternatives, terms, 'measure');
    else if (!drug && word.length >= MIN_CLIPPED_LENGTH)
      alternatives.push(...spellings.completions(word, COMPLETIONS));
  }
  const everyday = isEverydayWord(word, true);
  const concept = buildConcept(word, alternatives, terms, undefined);
  if (concept.known) {
    // A drug the question names must be what the answering paper is about, not a passing word.
    if (drug) return { ...concept, role: 'code' };
    // "came", "treated", "really": a verb or adverb says how, not what, the question is about;
    // "survived", "relapsed" say what was measured.
    if (!isThing(word) && concept.role !== 'measure') {
      return { ...concept, role: 'generic', weight: concept.weight * VERB_WEIGHT };
    }
    if (everyday && concept.role === 'subject')
      return { ...concept, weight: concept.weight * EVERYDAY_WEIGHT };
    return concept;
  }
  // "timepoints", "sideeffects": two words typed as one that the papers write apart.
  if (apart) return buildConcept(word, [word, apart, apart.replace(' ', '-')], terms, undefined);
  // Unknown to every stored paper: a name (drug, gene, trial, disease) no paper covers, or a
  // word of the chat that is not about anything ("mess", "tho").
  if (!drug && (isEverydayWord(word, true) || (dictionary && !isThing(word)))) {
    return { ...concept, role: 'generic', weight: 0 };
  }
  // Chat shorthand and slips ("cytotechs", "govt") are typed in lower case and known to no
  // dictionary: they lower a paper's fit without ruling it out. A drug or a capitalized name no
  // paper uses names something the papers do not cover.
  if (!drug && !dictionary && word === word.toLowerCase() && word.length < SLANG_MAX_LENGTH) {
    return { ...concept, role: 'subject', weight: UNKNOWN_SLANG_WEIGHT };
  }
  // A medical noun typed in lower case that no paper uses ("plasmacytoma" where the paper spells
  // "plasmocytoma", "fibroids" where it says "myomas") weighs against a paper without ruling it out.
  // It counts half: a word of the language the papers put otherwise ("malnourished" where they
  // write "malnutrition") is weaker evidence against a paper than a name no paper uses.
  if (!drug && dictionary && word === word.toLowerCase())
    return { ...concept, role: 'subject', weight: concept.weight * UNKNOWN_WORD_SHARE };
  // So does a word built like a medical noun ("incidentaloma", "pancolitis"): a finding or a
  // procedure the papers name another way, not a drug or a trial they lack.
  if (!drug && word === word.toLowerCase() && MEDICAL_NOUN_ENDING.test(word))
    return { ...concept, role: 'subject' };
  // And a word the papers use, with a prefix they do not put on it ("subfascial", "defunctioning"):
  // where the tumour lay or what the stoma did, said in a word no paper has, not a name.
  if (!drug && word === word.toLowerCase() && derivedFromAKnownWord(word, terms))
    return { ...concept, role: 'subject', weight: concept.weight * UNKNOWN_WORD_SHARE };
  return { ...concept, role: 'code' };
}

/**
 * "GBM" in an oncology question is glioblastoma: when no paper uses a word of what the oncology
 * shorthand says it stands for, it names what no paper covers, whatever MEDLINE's other senses
 * ("glomerular basement membrane") share with the papers.
 */
function oncologySenseUnused(token: string, terms: TermFrequencies): boolean {
  const oncology = longFormsOf(token).filter((form) => form.rank === 0);
  return (
    oncology.length > 0 &&
    oncology.every((form) => contentWordsOf(form.text).every((word) => terms.documentFrequency(word) === 0))
  );
}

/** Some stored paper says the word, one of its spellings or one of its long forms. */
function knownSomehow(word: string, terms: TermFrequencies): boolean {
  return [word, ...codeVariantsOf(word), ...sensesOf(word)].some((phrase) => phraseKnown(phrase, terms));
}

/** What an abbreviation stands for, typed as it is or as abbreviation lists write it ("5FU" as "5-FU"). */
function sensesOf(token: string): string[] {
  return [token, ...codeVariantsOf(token)].flatMap((spelling) =>
    longFormsOf(spelling).map((form) => form.text),
  );
}

/** A word of English, or short lower-case chat shorthand that names no drug. */
function isDictionaryWordOrSlang(token: string): boolean {
  return isDictionaryWord(token) || (token.length < SLANG_MAX_LENGTH && !looksLikeDrugName(token));
}

/** One concept per distinct meaning: "OS … overall survival" asked twice counts once. */
function dedupe(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((concept) => {
    const key = concept.forms
      .map((form) => form.join(' '))
      .sort()
      .join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function derivedFromAKnownWord(word: string, terms: TermFrequencies): boolean {
  const rest = DERIVING_PREFIXES.exec(word)?.[1];
  return rest !== undefined && (terms.documentFrequency(rest) > 0 || isDictionaryWord(rest));
}

/**
 * "tp53" where the papers write "p53": a symbol no paper uses is looked up under the other
 * symbols MeSH files with it. Never a stage ("t10" beside "cd38"), and only for a symbol no
 * paper uses, so a paper that names the question's own symbol is not matched by a relative's.
 */
function aliasesUsed(token: string, terms: TermFrequencies): string[] {
  if (terms.documentFrequency(token) > 0) return [];
  return symbolAliasesOf(token)
    .filter((alias) => !stageOf(alias))
    .flatMap((alias) => [alias, ...codeVariantsOf(alias)]);
}
