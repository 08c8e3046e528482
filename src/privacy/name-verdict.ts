import { type Lexicon, normalizeWord, onANameList } from './lexicon.js';
import { nameLikeness } from './name-shape.js';
import type { Token } from './name-tokens.js';
import type { NameClass } from './word-class.js';

/** Whether a run of name-shaped words, with what the lists say of each, is a person's name. */

/** Verbs that follow a person opening a sentence ("Torpy had given", "Reed is very reliable"). */
const PERSON_VERBS =
  /^\s(?:is|was|has|had|will|would|can|could|said|says|told|asked|lives|lived|spent|began|shouted|explained|wants|went|gave|called|from|listed|wrote|writes|sang|sings|died|works|worked|thinks|feels|needs|just|speaks)\b/;
/**
 * Verbs only a person is the subject of ("Ingegerd began writing", "D'hoedt lives on…"): after
 * one, a word on no list is a name whatever its letters look like.
 */
const PERSON_ONLY_VERBS =
  /^\s(?:lives|lived|began|said|says|told|asked|wants|wanted|went|gave|wrote|writes|sang|sings|died|works|worked|thinks|feels|speaks|shouted|explained|married|smiled|laughed|prefers|likes|loves|hates|moved|emailed|texted|phoned|replied|reports|reported|confirmed|denies|denied|states|stated|agreed|agrees|declined|declines|consented|understands|understood|requested|attended)\b/;

/**
 * What follows a person who is the subject: a person's verb ("Penny Cash can cover", "Joy Baker
 * will get"), or an age between commas ("Robin Fox, 88,").
 */
export function personFollows(after: string): boolean {
  return PERSON_VERBS.test(after) || PERSON_ONLY_VERBS.test(after) || /^,\s\d{1,3},/.test(after);
}
/** Form labels that open a line with a colon ("Name:", "Date:"): not a speaker. */
export const FIELD_LABELS = new Set(
  'name address phone mobile fax email date website title note notes subject re from to cc attn fao time age sex dob mrn patient job desk office home work'.split(
    ' ',
  ),
);

/** Name-likeness a capitalized word on no list needs (higher at a sentence start). */
const SHAPE_MID_SENTENCE = -0.3;
const SHAPE_SENTENCE_START = 0.35;
const SHAPE_BEFORE_PERSON_VERB = -0.3;
/** Two capitalized words on no list side by side ("Ulisses Berthier") are rarely anything but a name. */
const SHAPE_UNKNOWN_PAIR = -1;
/** A listed name written in lower case inside mixed-case text must look strongly like a name. */
const LOWER_CASE_SHAPE = 0.3;
/** Two unknown words in lower-case text make a name only when both look like one. */
const LOWER_PAIR_SHAPE = -0.3;

export interface Mode {
  upper: boolean;
  lower: boolean;
}

/**
 * Words right before a person in a sentence, besides the cues of `names.ts`: a reporting verb
 * ("asked Blondel"), a credit ("sung by"), an address to someone ("leave me Jan,", "but Geert
 * just", "shouted at Conconi"), someone given or reached ("had given Hakuba his address", "paged
 * Okafor").
 */
const PERSON_BEFORE =
  /\b(?:asks|asked|tells|replied|sung by|but|than|me|at|gave|given|paged|phoned|emailed|texted)\s+$/i;

export interface Context {
  /** Text before the run, on its line. */
  before: string;
  /** The run is a whole line of a signature or address block ("Graves\n\nStaff…"). */
  aloneOnLine: boolean;
  strong: boolean;
  weak: boolean;
  atStart: boolean;
  after: string;
  /** The rest of the run's sentence and the next one. */
  following: string;
  mode: Mode;
}

/** Names of record, insurance and identity numbers, capitalized before the number they name. */
const ID_NAMES = new Set(
  'hosp aadhaar medicare medicaid tarjeta sanitaria teudat zehut kvnr philhealth ohip ramq nhia nhis'.split(
    ' ',
  ),
);

/**
 * What is said of the run makes it a person: "Barbiers is a very sympathetic person", "Proot,
 * a nurse at the clinic". The noun must first mean a person in WordNet (`personNouns`).
 */
const SAID_TO_BE_A =
  /^(?:\s(?:is|was)|['’]s|,)\s(?:a|an|the|my|our|his|her|their)\s((?:[\p{L}-]+\s){0,2}[\p{L}-]+)/u;
/** The subject of a question put with the verb first: "Why is Mathea so impulsive?", "did Proot call?". */
const ASKED_ABOUT = /\b(?:is|was|are|were|does|did|has|had|will|would|can|could|should)\s+$/i;
/** Someone spoken to at the end of a sentence: "Don't go to town, Smulders!" */
function addressedAtTheEnd(context: Context): boolean {
  return /,\s*$/.test(context.before) && /^\s*(?:[!?]|$)/.test(context.following);
}

function saidToBeAPerson(context: Context, lex: Lexicon): boolean {
  const words = SAID_TO_BE_A.exec(context.following)?.[1]?.toLowerCase().split(/\s+/) ?? [];
  return words.some((word) => lex.personNouns.has(word));
}

/** A personal pronoun: "Thienpont is very reliable. You can always depend on him." */
const PERSONAL_PRONOUN = /\b(?:he|she|him|her|his|hers|himself|herself)\b/i;

/** 'name', 'maybe' (a name only if listed next to one), or 'no'. */
export function verdict(
  words: Token[],
  kinds: NameClass[],
  context: Context,
  lex: Lexicon,
): 'name' | 'maybe' | 'no' {
  const count = (...wanted: NameClass[]) => kinds.filter((k) => wanted.includes(k)).length;
  const real = words.length - count('initial', 'particle');
  // A listed name that is also a rarer English word counts as a name, except opening a sentence.
  // Opening a sentence, such a word needs a sign of a person after it: "Graves, can I…", "Reed is…".
  const personAfter = /^\s*[,:]|^['’]s\b/.test(context.after) || PERSON_VERBS.test(context.after);
  const uncommonAsName = (n: number) => !(context.atStart && n === 0) || personAfter || context.aloneOnLine;
  // "Ubul: What a wife.", "Tunde: me + Ola": a name opening a line of dialogue.
  const speaker = context.atStart && words.length === 1 && /^\s*:/.test(context.after);
  const listed = kinds.filter(
    (k, n) =>
      k === 'first' ||
      k === 'last' ||
      (k === 'uncommon' && uncommonAsName(n)) ||
      // A rarer English word only on the census list ("Graves", "Spears") counts alone, as above.
      (k === 'census' && real === 1 && uncommonAsName(n)) ||
      (k === 'name' &&
        (!(context.atStart && n === 0) || speaker || shapedLikeName(words[n] as Token, false))),
  ).length;
  const ambiguous = kinds.filter(
    (k, n) => k === 'ambiguous' || (k === 'uncommon' && !uncommonAsName(n)),
  ).length;
  // An unknown word opening a sentence alone needs a name's shape; a person's verb after it lowers the bar.
  const opening = (n: number) => context.atStart && n === 0 && real === 1;
  // "Geert Genoni": a word on no list beside a town's name that is no town with it is a given
  // name beside a surname, as "Ulisses Berthier" is.
  const unknownPair =
    kinds.filter((k) => k === 'unknown' || k === 'town').length >= 2 && kinds.includes('unknown');
  const bar = (n: number) =>
    opening(n)
      ? personAfter
        ? SHAPE_BEFORE_PERSON_VERB
        : SHAPE_SENTENCE_START
      : unknownPair
        ? SHAPE_UNKNOWN_PAIR
        : SHAPE_MID_SENTENCE;
  const personBefore = PERSON_BEFORE.test(context.before);
  // "Cleymans is from Hawkins, Richardson and Santana": where someone is from, or works.
  const personOnlyAfter =
    PERSON_ONLY_VERBS.test(context.after) || /^\s(?:is|was|comes) from\b/.test(context.after);
  const inContext = (n: number) =>
    speaker ||
    context.aloneOnLine ||
    context.weak ||
    personOnlyAfter ||
    (!opening(n) && (personBefore || personAfter)) ||
    saidToBeAPerson(context, lex) ||
    (!opening(n) && ASKED_ABOUT.test(context.before) && /^[^.!]*\?/.test(context.following)) ||
    (!opening(n) && addressedAtTheEnd(context)) ||
    // A word opening a sentence, then a verb and a pronoun that can only mean a person.
    (opening(n) && personAfter && PERSONAL_PRONOUN.test(context.following));
  // "Iver J Groenewegen", "Osmar D. Gazola": capitalized words around a middle initial.
  const aroundInitial = words.length >= 3 && kinds.slice(1, -1).includes('initial');
  // "Cressida Moorcroft", "Remedios Albarracín": a town's name after a word the name lists hold
  // is a family name, unless the two are one place together ("Santa Rosa").
  const townAfterGiven = (n: number) => {
    const given = words[n - 1];
    if (!given || !['first', 'name', 'town'].includes(kinds[n - 1] as string)) return false;
    const together = normalizeWord(`${given.text} ${(words[n] as Token).text}`);
    return onANameList(given.key, lex) && !lex.cities.has(together) && !lex.places.has(together);
  };
  const unknown = kinds.filter(
    (k, n) =>
      (k === 'unknown' &&
        (inContext(n) || aroundInitial || nameLikeness((words[n] as Token).text) > bar(n))) ||
      (k === 'town' && (inContext(n) || aroundInitial || townAfterGiven(n))),
  ).length;
  // "child C", "patient B": a lone capital after a weak cue is a class or a label; "pt J." is an initial.
  const loneLetter =
    words.length === 1 && /^\p{Lu}$/u.test((words[0] as Token).text) && !/^\./.test(context.after);
  if (real === 0) return context.strong || (context.weak && !loneLetter) ? 'name' : 'no';
  // "DOB:", "MRN:" in a pasted chart: a field's label.
  if (words.length === 1 && FIELD_LABELS.has((words[0] as Token).key) && /^\s*:/.test(context.after))
    return 'no';
  // "Hosp No: K2204188", "Aadhaar 4000 0418 2731", "Teudat Zehut 000418277": the name of a number.
  if (words.every((word) => ID_NAMES.has(word.key))) return 'no';
  if (context.strong) return count('clinical', 'function') < real ? 'name' : 'no';
  const shape = (words.find((t) => t.shape !== 'initial') as Token).shape;
  if (shape === 'lower') {
    // "forward to gunnar hansson": a listed given name, then a listed family name, neither a word.
    const listedPair =
      real === 2 && kinds[0] === 'first' && kinds[1] === 'last' && words.every((w) => w.text.length >= 4);
    if (listedPair) return 'name';
    // "breast ca", "pt on ven": two letters in lower case are shorthand, not a given name.
    if (kinds[0] === 'first')
      return (context.mode.lower || context.weak) && (words[0] as Token).text.length > 2 ? 'name' : 'no';
    // "codey m ross": words around a middle initial, ending in a listed name.
    const middleInitial = words.length >= 3 && kinds.slice(1, -1).includes('initial');
    const endsListed = ['first', 'last', 'uncommon'].includes(kinds.at(-1) ?? '');
    if (middleInitial && endsListed && context.mode.lower) return 'name';
    // "abgail a falsoni": in lower-case text, two words on no list around an initial.
    const nameOrUnknown = (k: NameClass | undefined) =>
      ['first', 'last', 'uncommon', 'unknown'].includes(k ?? '');
    if (middleInitial && context.mode.lower && nameOrUnknown(kinds[0]) && nameOrUnknown(kinds.at(-1)))
      return 'name';
    // "this is rose", but not "I'm fine": after "I'm", an everyday word says how one is.
    const selfCue = /\bi(?:['’]m| am)\s*$/i.test(context.before);
    // "pt tanvir ahmed": after a cue, lower-case words with a listed name among them.
    const listedAmong = kinds.some((k) => k === 'first' || k === 'last');
    if (context.weak && real >= 2 && listedAmong && words.every((w) => w.text.length > 2)) return 'name';
    const cuedName = (kinds[0] === 'uncommon' || (kinds[0] === 'ambiguous' && !selfCue)) && context.weak;
    // "mom said", "dad asked": the verb after a relative, though "Said" is a given name too.
    const verbAfterCue = PERSON_ONLY_VERBS.test(` ${(words[0] as Token).text}`);
    if (cuedName && !verbAfterCue && lex.firstNames.has((words[0] as Token).key)) return 'name';
    // "his wife graça": after a cue, a word only the name lists know.
    if (context.weak && real === 1 && kinds[0] === 'name') return 'name';
    // A dictated letter is all lower case: "supportive peter reports", "ray confirmed that".
    const givenBeforeVerb =
      context.mode.lower &&
      real === 1 &&
      (kinds[0] === 'uncommon' || kinds[0] === 'ambiguous') &&
      lex.firstNames.has((words[0] as Token).key) &&
      PERSON_ONLY_VERBS.test(context.after) &&
      !/\b(?:the|a|an|this|that|its|their|our|each|every|no)\s*$/i.test(context.before);
    if (givenBeforeVerb) return 'name';
    // In any text, a listed name typed in lower case: "vitoria", "leone mazzi" (never common, clinical or short).
    const listedLower = words.filter(
      (w, n) => (kinds[n] === 'first' || kinds[n] === 'last') && w.text.length >= 4,
    );
    if (!context.mode.lower)
      return listedLower.some((w) => nameLikeness(w.text) > LOWER_CASE_SHAPE) ? 'name' : 'no';
    // In lower-case text: "yaco angulo" (a name-shaped word beside a listed one), "vasquez" alone.
    const isListed = (k: NameClass) => k === 'first' || k === 'last' || k === 'uncommon';
    const nameShaped = (k: NameClass, n: number) =>
      isListed(k) || k === 'initial' || (k === 'unknown' && shapedLikeName(words[n] as Token, false));
    if (real >= 2 && kinds.some(isListed) && kinds.every(nameShaped)) return 'name';
    // "follow up with qwen gunnarsdóttir", "uwe gonçalvez's killers": two words on no list, both
    // shaped like names and longer together than chat shorthand ("ven aza").
    const unknownNamePair =
      real === 2 &&
      kinds.every((k) => k === 'unknown') &&
      words.every(
        (w) => w.text.length >= 3 && nameLikeness(w.text.replace(/['’]s$/, '')) > LOWER_PAIR_SHAPE,
      ) &&
      words.reduce((sum, w) => sum + w.text.length, 0) >= 8;
    if (unknownNamePair) return 'name';
    const only = words[0] as Token;
    if (real === 1 && kinds[0] === 'last' && only.text.length >= 4 && shapedLikeName(only, true))
      return 'name';
    return 'no';
  }
  if (shape === 'upper' && !context.mode.upper) {
    // "pt ADEBAYO", "MR OKONKWO": one word in capitals after a cue, on a name list and no other.
    const cuedSurname =
      real === 1 &&
      context.weak &&
      (kinds[0] === 'first' || kinds[0] === 'last') &&
      (words[0] as Token).text.length >= 4;
    return cuedSurname || (real >= 2 && listed + ambiguous === real) ? 'name' : 'no';
  }
  if (real === 1 && (words.find((t) => t.shape !== 'initial') as Token).text.length < 3 && !context.weak)
    return 'no';
  if (listed + unknown > 0) return 'name';
  // "Anitha & Joseph Kuriakose": a word on no list opening a sentence, shaped as a name is
  // mid-sentence, is one when listed beside a name.
  const openingLikeAName =
    opening(0) && kinds[0] === 'unknown' && nameLikeness((words[0] as Token).text) > SHAPE_MID_SENTENCE;
  if (openingLikeAName) return 'maybe';
  if (ambiguous === 0) return 'no';
  if (ambiguous >= 2 || (real >= 2 && ambiguous >= 1) || context.weak) return 'name';
  const word = words.find((_, n) => kinds[n] === 'ambiguous' || kinds[n] === 'uncommon') as Token;
  if (!lex.firstNames.has(word.key) && !lex.lastNames.has(word.key)) return 'no';
  // "Jack said he'd bring it": a given name that is also a word, then a verb only a person does.
  if (lex.firstNames.has(word.key) && PERSON_ONLY_VERBS.test(context.after)) return 'name';
  // "Justice will drop the lease … on her way to work": a person's verb, then a pronoun for them.
  if (
    lex.firstNames.has(word.key) &&
    PERSON_VERBS.test(context.after) &&
    PERSONAL_PRONOUN.test(context.following)
  )
    return 'name';
  if (context.atStart) return /^\s*:/.test(context.after) && !FIELD_LABELS.has(word.key) ? 'name' : 'no';
  return 'maybe';
}

/** The run fills its line (after any "> " quoting) and another line follows: a signature's name line. */
export function aloneOnLine(text: string, first: Token, last: Token): boolean {
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  const lineEnd = text.indexOf('\n', last.end);
  return (
    lineEnd !== -1 &&
    /^[\s>?*•-]*$/.test(text.slice(lineStart, first.start)) &&
    /^[\s,.]*$/.test(text.slice(last.end, lineEnd))
  );
}

function shapedLikeName(token: Token, atStart: boolean): boolean {
  return nameLikeness(token.text) > (atStart ? SHAPE_SENTENCE_START : SHAPE_MID_SENTENCE);
}
