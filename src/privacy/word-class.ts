import { BOUND_PREFIXES } from '../vocabulary/index.js';
import { hasMedicalShape, isClinicalHead, isClinicalWord } from './clinical-terms.js';
import { isHyphenatedGivenName } from './hyphenated-given-names.js';
import { foldAccents, type Lexicon, normalizeWord } from './lexicon.js';
import { isPinyinName } from './pinyin.js';

/**
 * What the word lists say about one word, case aside: a listed first or last name, a name
 * that is also a common word ("Key", "Frank"), a common word, a clinical term, a word only
 * WordNet knows ("bolus", "Shigella": lexical), or unknown.
 */
export type NameClass =
  | 'first'
  | 'last'
  | 'name'
  | 'ambiguous'
  | 'uncommon'
  | 'census'
  | 'unknown'
  | 'word'
  | 'function'
  | 'clinical'
  | 'initial'
  | 'particle'
  | 'place'
  | 'town'
  | 'lexical';

/** A function word never starts or continues a name, even after a cue. */
const FUNCTION_WORDS = new Set(
  `a an the and or but of in on at to for from with by as is was are were be been has have had do does did
not no it its this that these those he she they we you i me my his her their our your him them who whom
whose which what when where why how if then so than too very can could will would shall should may might
i'm i've i'll i'd pt pts
must about into over after before under again further once here there all any both each few more most
other some such only own same just now also up down out off yes ok please among between within without
during through although however because since while whereas unless until upon via per versus vs
ii iii iv vi vii viii ix xi xii alpha beta gamma delta epsilon kappa lambda sigma omega theta`.split(/\s+/),
);

/** Nationalities, peoples, languages and faiths: capitalized, and never a person. */
const DEMONYMS = new Set(
  `american americans african africans asian asians european europeans hispanic hispanics latino latina latinos
caucasian caucasians arab arabs arabic english british scottish welsh irish french german germans dutch flemish
danish swedish norwegian finnish icelandic sami saami polish czech slovak hungarian romanian bulgarian greek
turkish russian ukrainian serbian croatian slovenian bosnian albanian italian spanish portuguese catalan
basque brazilian mexican argentinian chilean colombian peruvian cuban canadian australian chinese japanese
korean vietnamese thai filipino indonesian malaysian indian pakistani bangladeshi iranian persian israeli
jewish muslim muslims christian christians hindu buddhist sikh catholic protestant nigerian ethiopian
egyptian moroccan kenyan ghanaian somali sudanese aboriginal maori inuit nordic scandinavian mediterranean
western eastern northern southern victorian swiss austrian belgian estonian latvian lithuanian`.split(/\s+/),
);

function isDemonymCompound(key: string): boolean {
  return (
    key.includes('-') &&
    key.split('-').every((part) => DEMONYMS.has(part) || part === 'speaking' || part === 'non')
  );
}

/** A listed surname that is no English or grammar word ("Vermeulen", not "Reindeer" or "Patients"). */
function isSurname(word: string | undefined, lex: Lexicon): boolean {
  if (word === undefined) return false;
  const key = normalizeWord(word);
  return lex.lastNames.has(key) && !lex.commonWords.has(key) && !isFunctionWord(key);
}

/**
 * Endings medical adjectives and nouns share with given and family names of many languages
 * ("Osmar", "Simone", "Gommaar"): alone they say nothing of a word on no list.
 */
const NAME_ENDINGS = /(?:ar|one|um|ae|ux|ium)$/;

/** Months read as dates before names ("August 2008", "April"). */
const MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);

/** "Don't", "Can't", "Won't": a negated auxiliary, though "Don" is a given name. */
const NEGATED_VERB = /n['’]t$/;

/** "the", "with", "is", "don't": never part of a name. */
export function isFunctionWord(key: string): boolean {
  return FUNCTION_WORDS.has(key) || NEGATED_VERB.test(key);
}

export function classifyWord(
  word: string,
  next: string | undefined,
  textAfter: string,
  lex: Lexicon,
  /** The next word of the same run of name-like words, if any. */
  inRunAfter?: string,
): NameClass {
  const key = normalizeWord(word);
  const bare = key.replace(/'s$|'$/, '');
  // "Jürgen", "Guimarães": names with diacritics are looked up as typed and in plain letters.
  const plain = foldAccents(bare);
  if (isFunctionWord(bare) || isFunctionWord(key)) return 'function';
  // "Barthel index", "Lenke's classification", "Ki-67", "Bcl-2": an eponym or a marker, not a person.
  if (isClinicalWord(word, next) || isClinicalHead(next) || /^-?\d/.test(textAfter)) return 'clinical';
  const parts = bare.split('-');
  const common = lex.commonWords.has(bare) || parts.every((part) => lex.commonWords.has(part));
  const listedAs = (k: string) =>
    lex.firstNames.has(k) ? 'first' : lex.lastNames.has(k) ? 'last' : undefined;
  const listed = listedAs(bare) ?? listedAs(plain);
  // On no given- or family-name list, a word WordNet knows as a word or as no person is no name.
  const wordNet = lex.vocabulary.has(bare) || lex.things.has(bare);
  // "Belle", "Graves", "Reed": a listed name that is only a rarer English word.
  if (common) {
    const rare = !lex.coreWords.has(bare) && !MONTHS.has(bare);
    if (listed) return rare ? 'uncommon' : 'ambiguous';
    const place = lex.places.has(bare) || lex.cities.has(bare) || DEMONYMS.has(bare);
    return rare && lex.otherNames.has(bare) && !place && !wordNet && !hasMedicalShape(bare)
      ? 'census'
      : 'word';
  }
  // "Tosh Olsen", "Cyril Couturier": such a word is still part of a name it stands in.
  if (!listed && wordNet) return 'lexical';
  // "Sami Vermeulen", "Thai Nguyen": a people's name that a list holds as a given name is one
  // before a listed surname; "Sami reindeer herders", "Thai patients" are peoples.
  if (
    (DEMONYMS.has(bare) || isDemonymCompound(bare)) &&
    !(listed === 'first' && isSurname(inRunAfter ?? next, lex))
  )
    return 'word';
  if (lex.places.has(bare)) return 'place';
  if (listed) return listed;
  // "Lloyd-Jones", "al-Sayed", "Ha-eun"; not "re-tx" or "post-op", a prefix bound to a word.
  const prefixed = BOUND_PREFIXES.has(parts[0] ?? '');
  if (
    parts.length > 1 &&
    !prefixed &&
    parts.some((part) => lex.firstNames.has(part) || lex.lastNames.has(part))
  )
    return 'last';
  // "Genoni", "Mafra", "Iver": a town's name that is a family name too, told apart by context.
  if (lex.cities.has(bare)) return 'town';
  if (
    lex.otherNames.has(bare) ||
    lex.otherNames.has(plain) ||
    isPinyinName(bare) ||
    isHyphenatedGivenName(plain)
  )
    return 'name';
  if (bare.length < 3) return 'ambiguous';
  if (hasMedicalShape(bare) && !NAME_ENDINGS.test(bare)) return 'word';
  return 'unknown';
}
