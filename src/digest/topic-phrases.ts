import { stemWord, type Token, tokenize } from './topic-text.js';
import { ABBREVIATIONS, CANCER_NOUNS, NARROWER, WORD_EQUIVALENTS } from './topic-vocabulary.js';

/** One word position of a phrase: any of these stems, or one abbreviation as written. */
export type Slot =
  | { kind: 'stems'; stems: ReadonlySet<string>; cancerNoun: boolean }
  | { kind: 'raw'; raw: string };

/** A sequence of word positions that must follow each other in the text. */
export type Phrase = Slot[];

/** Between an organ word and its cancer noun, a few words may stand ("oral squamous cell carcinoma"). */
const MAX_GAP_BEFORE_CANCER_NOUN = 2;

const CANCER_STEMS = new Set(CANCER_NOUNS.map(stemWord));
const EQUIVALENT_STEMS = new Map<string, ReadonlySet<string>>(
  WORD_EQUIVALENTS.flatMap((group) => {
    const stems = new Set(group.map(stemWord));
    return [...stems].map((stem): [string, ReadonlySet<string>] => [stem, stems]);
  }),
);
const UPPER_ABBREVIATIONS = new Map(
  Object.entries(ABBREVIATIONS).map(([abbr, full]) => [abbr.toUpperCase(), full]),
);
const ABBREVIATION_OF = new Map(
  Object.entries(ABBREVIATIONS).map(([abbr, full]) => [phraseKey(tokenize(full)), abbr]),
);

/** A phrase from words; an abbreviation alone becomes itself, matched as written. */
export function phraseOf(tokens: Token[]): Phrase {
  const only = tokens.length === 1 ? tokens[0] : undefined;
  if (only && UPPER_ABBREVIATIONS.has(only.raw.toUpperCase())) {
    return [{ kind: 'raw', raw: only.raw.toUpperCase() }];
  }
  return tokens.map((token): Slot => {
    if (CANCER_STEMS.has(token.stem)) return { kind: 'stems', stems: CANCER_STEMS, cancerNoun: true };
    return {
      kind: 'stems',
      stems: EQUIVALENT_STEMS.get(token.stem) ?? new Set([token.stem]),
      cancerNoun: false,
    };
  });
}

/**
 * Every phrase that says what these words say: the words themselves, the abbreviation's
 * expansion (or the expansion's abbreviation), and the narrower diseases the vocabulary lists.
 */
export function phrasesFor(tokens: Token[]): Phrase[] {
  const texts = new Set<string>();
  const only = tokens.length === 1 ? tokens[0] : undefined;
  const expansion = only ? UPPER_ABBREVIATIONS.get(only.raw.toUpperCase()) : undefined;
  const forms = [tokens, ...(expansion ? [tokenize(expansion)] : [])];
  for (const form of forms) {
    const key = phraseKey(form);
    const abbreviation = ABBREVIATION_OF.get(key);
    if (abbreviation) texts.add(abbreviation);
    for (const narrower of narrowerOf(key)) texts.add(narrower);
  }
  return [...forms.map(phraseOf), ...[...texts].map((text) => phraseOf(tokenize(text)))];
}

/** How often the phrase occurs in the words of a text. */
export function countPhrase(text: Token[], phrase: Phrase): number {
  let count = 0;
  for (let start = 0; start < text.length; start++) {
    const end = matchFrom(text, phrase, start);
    if (end > 0) {
      count++;
      start = end - 1;
    }
  }
  return count;
}

/** The index after the match of `phrase` starting at `start`, or 0 when it does not match there. */
function matchFrom(text: Token[], phrase: Phrase, start: number): number {
  let at = start;
  for (const [index, slot] of phrase.entries()) {
    const gap = index > 0 && slot.kind === 'stems' && slot.cancerNoun ? MAX_GAP_BEFORE_CANCER_NOUN : 0;
    let found = -1;
    for (let offset = 0; offset <= gap && at + offset < text.length; offset++) {
      if (slotMatches(slot, text[at + offset] as Token)) {
        found = at + offset;
        break;
      }
    }
    if (found < 0) return 0;
    at = found + 1;
  }
  return at;
}

function slotMatches(slot: Slot, token: Token): boolean {
  return slot.kind === 'raw' ? token.raw === slot.raw : slot.stems.has(token.stem);
}

/** Words compared as the vocabulary compares them: stems, cancer nouns and organ synonyms folded. */
export function phraseKey(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (CANCER_STEMS.has(token.stem)) return 'cancer';
      const group = EQUIVALENT_STEMS.get(token.stem);
      return group ? [...group].sort()[0] : token.stem;
    })
    .join(' ');
}

const NARROWER_BY_KEY = new Map(
  Object.entries(NARROWER).map(([broad, narrower]) => [phraseKey(tokenize(broad)), narrower]),
);

/** The narrower diseases of a broad topic, and theirs in turn ("brain tumor" → glioma → GBM). */
function narrowerOf(key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const direct = NARROWER_BY_KEY.get(key) ?? [];
  return [...direct, ...direct.flatMap((text) => narrowerOf(phraseKey(tokenize(text)), seen))];
}
