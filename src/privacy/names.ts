import { isMeshTerm } from '../vocabulary/index.js';
import { isAlwaysClinical, isClinicalHead, isEponym } from './clinical-terms.js';
import { familyNames } from './family-names.js';
import { handleNames } from './handles.js';
import { foldAccents, type Lexicon, lexicon, normalizeWord, onANameList } from './lexicon.js';
import {
  afterClinicalOf,
  coordinatedEponym,
  INSTITUTION_HEADS,
  isInstitutionHead,
  isPlaceName,
  PLACE_HEADS,
} from './name-context.js';
import {
  isMostlyUpper,
  joined,
  PARTICLES,
  sameCase,
  sentenceStart,
  type Token,
  tokenize,
} from './name-tokens.js';
import { aloneOnLine, FIELD_LABELS, type Mode, personFollows, verdict } from './name-verdict.js';
import { WEEKDAYS_AND_MONTHS, widened } from './name-widening.js';
import { signedOffName } from './sign-off.js';
import type { PhiSpan } from './spans.js';
import { surnameFirstNames } from './surname-first.js';
import { classifyWord, isFunctionWord, type NameClass } from './word-class.js';

/**
 * Person names in any script, case and position: "María González", "JOHN SMITH", "john
 * smith", "Dr. Ng's patient", "kid named Zoë". A run of capitalized words is a name when a
 * word in it is a known first or last name (about 70 locales) or a word on no list that is
 * shaped like a name; a cue ("named", "Mr.", "Name:", "patient") takes the words after it
 * whatever the lists say, so names on no list are still caught.
 */

/**
 * After these the next words are a name, whatever the lists say. Titles are matched as people
 * write them ("Mr", "dr."), not in capitals, which are MR imaging, MS and DR elsewhere.
 */
const STRONG_CUES =
  /(?:\b[Nn]ame['’]s|\b(?:[Ss]ur|[Ff]ore|[Gg]iven |[Ff]irst |[Ll]ast |[Ff]amily |[Mm]iddle |[Mm]aiden )?[Nn]ame(?:\(?s\)?)?(?: on (?:the |my |his |her |our |their )?(?:bill|card|account|booking|ticket|passport|lease|policy|file|form|record|invoice|order|reservation|bell|door|letterbox|mailbox|buzzer|doorbell|parcel|package|envelope|badge|cheque|check))?\s*(?:is|was|:|\?|=)|\b[Mm]y nam\s+is|\b[Nn]amed(?: (?:him|her|them))?|\b[Cc]alled|\b[Cc]all(?:s|ed)? (?:me|him|her|them)|\b[Nn]icknamed|\b[Kk]nown as|\b[Ii]nitials(?: (?:are|were))?:?|\b[Ss]igned|\b(?:[Mm]rs?|[Mm]s|[Mm]iss|[Mm]x|[Dd]r|[Pp]rof|[Ss]ir|[Mm]adam|[Mm]ister|[Dd]ame|[Ll]ady|[Ll]ord|Frau|Herr|Mme|Mlle|Sra|Dña|Doña|Sig\.ra|Signora)\.?|\b(?:NAME|MRS?|MS|DR|PROF)(?:\.|:))\s*$/;
const TITLE =
  /^(?:Mrs?|Ms|Miss|Mx|Dr|Prof|MRS?|MS|DR|PROF|Frau|Herr|Mme|Mlle|Sra|Dña|Doña|Signora|Deacon|Pastor|Rev|Revd|Reverend|Imam|Rabbi|Aunty|Auntie|Uncle)$/;
/**
 * After these a capitalized word, or a listed name in any case, is a name. Titles in capitals
 * ("MR ADEBAYO") are weak cues: "MR ANGIOGRAPHY" and "MS PATIENTS" are no names on a list.
 */
const WEAK_CUES =
  /\b(?:mrs?|ms|pt|patient|name|kid|child|son|daughter|husband|wife|mother|father|mom|mum|dad|baby|boy|girl|infant|brother|sister|guardian|beneficiary|partner|hi|hello|hey|dear|thanks|thank you|i'm|i am|this is|(?:hi|hello|hey),? it['’]s|saw|ask(?: for)?|tell|told|cc|attn|nurse|doctor|colleague|friend|neighbou?r|uncle|aunt|aunty|auntie|cousin|deacon|pastor|rev|reverend|imam|rabbi|coach|captain|sergeant|officer|detective|judge|grand(?:father|mother|ma|pa|daughter|son|child|kid)s?|grandad|granddad|granny|nana|niece|nephew|(?:emergency )?contact|next of kin|producer|director|singer|writer|author|starring|featuring|says|said|directed by|written by|(?:issued|registered|addressed|payable|made out|belongs|belonging) to|on behalf of)\s*[.:,]?\s*$|\b(?:applicant|passenger|guest|traveller|traveler|customer|client|tenant|employee|member|student|candidate|holder|policyholder|insured|recipient|sender|payee|caller|visitor|owner|witness|subscriber)\s*:\s*$/i;
/** "according to Huskisson", "proposed by Quirke": the author of a method, named in a paper. */
const AUTHOR_BEFORE =
  /\b(?:according to|proposed by|described by|developed by|introduced by|devised by|(?:method|criteria|classification|formula|equation|technique|scale|score|grading) of)\s+$/i;

/**
 * Kin words and ranks of `WEAK_CUES` written before a name as part of it: "Grandma Blessing",
 * "Cousin Ife", "Coach Haverford".
 * "Auntie" and "Uncle" are titles (`TITLE`), read before the run is.
 */
const KIN_CUE =
  /^(?:grand(?:ma|pa|mother|father)|grandad|granddad|granny|nana|aunt|cousin|mum|mom|dad|sister|brother|baby|coach|captain|sergeant|officer|detective|judge)$/;
/** Weekdays written short; "Sat" and "Sun" are also family names. */
const WEEKDAY_SHORT = /^(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri)\.?$/;
/** "Mercy (Mon), Verity (Tue)": a rota's entries, a name then the day in brackets. */
const ROTA_ENTRY =
  /(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}'’-]+)\s\((?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?\.?\)/giu;
/** Joins names in a list: "Monjeau, Graves and Reed", "Agnes, Josiah and little Hope". */
const LIST_JOINER = /^(?:,\s|,?\s(?:and|or|&)\s(?:(?:little|baby|young|old|big)\s)?)$/;
const MAX_NAME_WORDS = 4;
/** Modals that are also given names. */
const NAME_MODALS = new Set(['will', 'may']);
/** "sarah o'brien 39F", "Robin Fox, 88, and her neighbour": an age after a name makes it a person's. */
const AGE_SEX_AFTER = /^\s*,?\s*\(?\d{1,3}\s?(?:yo|y\/o|y\.o\.)?\s?[MF]\b|^,\s\d{1,3},\s/;
/** Person names in `text`. */
export function findNames(text: string): PhiSpan[] {
  const lex = lexicon();
  const tokens = tokenize(text);
  const mode = { upper: isMostlyUpper(text), lower: !/\p{Lu}/u.test(text) };
  const runs: { start: number; end: number }[] = [];
  const maybe: { start: number; end: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run = nameRun(text, tokens, i, lex, mode);
    if (run?.verdict === 'name') runs.push(run);
    else if (run?.verdict === 'maybe') maybe.push(run);
    i = run ? run.next : i + 1;
  }
  // A listed-but-common word ("Graves", "Key") joined to a found name in a list is a name too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const candidate of [...maybe]) {
      if (runs.some((run) => LIST_JOINER.test(gapBetween(text, run, candidate)))) {
        runs.push(candidate);
        maybe.splice(maybe.indexOf(candidate), 1);
        grew = true;
      }
    }
  }
  runs.push(
    ...rotaNames(text, lex),
    ...surnameFirstNames(text, lex),
    ...familyNames(text, lex),
    ...signedOffName(text, lex),
    ...handleNames(text, lex),
  );
  const names = runs.map(({ start, end }) => {
    const whole = widened(text, withParticles(text, start), end, lex);
    return { ...whole, end: withIrishArticle(text, whole.end), kind: 'name' as const };
  });
  return [...names, ...namedAgain(text, names, lex)];
}

/**
 * "Ray's PET … (the pt Ray Dominguez-Fell)", "is 'grace' in the list the same as Grace
 * Oduya-Pratt": a word of a name found in the text names that person wherever else it stands.
 * A word that is also everyday English ("Grace", "Will", "Rose") is taken again only written as a
 * name or quoted: "rose again" is no one.
 */
function namedAgain(text: string, names: { start: number; end: number }[], lex: Lexicon): PhiSpan[] {
  const words = new Set(
    names.flatMap(({ start, end }) =>
      (text.slice(start, end).match(/[\p{L}][\p{L}\p{M}'’-]*[\p{L}]/gu) ?? []).filter(
        (word) => !TITLE.test(word) && !PARTICLES.has(word.toLowerCase()) && !/^\p{Lu}+$/u.test(word),
      ),
    ),
  );
  const inName = (at: number) => names.some(({ start, end }) => at >= start && at < end);
  const again: PhiSpan[] = [];
  for (const word of words) {
    const everyday = lex.coreWords.has(normalizeWord(word));
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{M}-])(?<!\\p{L}['’])${escapeRegExp(word)}(?![\\p{L}\\p{M}-])`,
      'giu',
    );
    for (const match of text.matchAll(pattern)) {
      if (inName(match.index)) continue;
      const quoted = /['‘"“]$/u.test(text.slice(0, match.index));
      if (everyday && !quoted && match[0] !== word) continue;
      again.push({ start: match.index, end: match.index + match[0].length, kind: 'name' });
    }
  }
  return again;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Mac an tSaoir", "Nic an Bhaird": an Irish surname's article and the noun after it. */
const IRISH_ARTICLE = /^ an (?:t|h|n)?\p{Lu}[\p{L}'’-]+/u;

function withIrishArticle(text: string, end: number): number {
  if (!/(?:^|[^\p{L}])(?:Mac|Mic|Mhic|Nic)$/u.test(text.slice(Math.max(0, end - 6), end))) return end;
  return end + (IRISH_ARTICLE.exec(text.slice(end))?.[0].length ?? 0);
}

/** "De Doncker", "di Saverio", "Van der Laan": the particles before a found surname are the name's too. */
function withParticles(text: string, start: number): number {
  let from = start;
  for (;;) {
    const particle = text.slice(0, from).match(/(?:^|[^\p{L}\p{M}'’])([\p{L}]+) $/u);
    if (!particle?.[1] || !PARTICLES.has(particle[1].toLowerCase())) return from;
    from -= particle[1].length + 1;
  }
}

/** The names of a rota's entries that a name list knows. */
function rotaNames(text: string, lex: Lexicon): { start: number; end: number }[] {
  return [...text.matchAll(ROTA_ENTRY)].flatMap((match) => {
    const name = match[1] as string;
    return onANameList(normalizeWord(name), lex)
      ? [{ start: match.index, end: match.index + name.length }]
      : [];
  });
}

function gapBetween(
  text: string,
  a: { start: number; end: number },
  b: { start: number; end: number },
): string {
  return a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start);
}

/** "grandmother, Mrs Le.", "ask Mr Do": a surname that is also a particle, alone after a title. */
function titledParticle(text: string, tokens: Token[], i: number) {
  const lead = tokens[i] as Token;
  const next = tokens[i + 1];
  const titled = /\b(?:Mrs?|Ms|Miss|Mx|Dr|Prof)\.? $/.test(
    text.slice(Math.max(0, lead.start - 6), lead.start),
  );
  if (lead.shape !== 'cap' || !titled || (next && joined(text, lead, next) && next.shape === 'cap'))
    return undefined;
  return { verdict: 'name' as const, start: lead.start, end: lead.end, next: i + 1 };
}

/** The run of name-shaped words at token `i`, and whether it is a name. */
function nameRun(text: string, tokens: Token[], i: number, lex: Lexicon, mode: Mode) {
  const lead = tokens[i] as Token;
  if (lead.shape === 'other') return undefined;
  if (PARTICLES.has(lead.key)) return titledParticle(text, tokens, i);
  // "Mrs Brown", "Dr Hill", "Dña. María": a title is the cue for the word after it, not a name.
  const titled = tokens[i + 1];
  if (TITLE.test(lead.text) && titled && /^\.? $/.test(text.slice(lead.end, titled.start))) return undefined;
  const before = text.slice(Math.max(0, lead.start - 40), lead.start);
  const strong = STRONG_CUES.test(before);
  // "clinic Thu 3pm", "(Tue)": a weekday written short is no one's name.
  if (WEEKDAY_SHORT.test(lead.key) && !strong) return undefined;
  const weak = !strong && WEAK_CUES.test(before);
  // "pt Will Hunter", "Grace and Will Harrington": after a cue, or inside a sentence where a modal
  // is not capitalized, a capitalized modal before a capitalized word is a given name.
  const second = tokens[i + 1];
  // "Will Park will be covering": opening a sentence too, when what follows the next word is said of a person.
  const givenModal =
    (strong ||
      weak ||
      !sentenceStart(text, lead) ||
      (second !== undefined && personFollows(text.slice(second.end, second.end + 14)))) &&
    lead.shape === 'cap' &&
    NAME_MODALS.has(lead.key) &&
    second?.shape === 'cap' &&
    joined(text, lead, second);
  if (isFunctionWord(lead.key) && !givenModal) return undefined;
  const plain = foldAccents(lead.key);
  const listedLower =
    (lex.firstNames.has(plain) || lex.lastNames.has(plain)) &&
    lead.key.length >= 4 &&
    !lex.commonWords.has(lead.key);
  if (lead.shape === 'lower' && !strong && !mode.lower && !weak && !listedLower) return undefined;
  // "write the patient name, birth date": a form's field after a cue, not a person.
  if (lead.shape === 'lower' && !strong && FIELD_LABELS.has(lead.key)) return undefined;
  const run: Token[] = [lead];
  // "María del Rosario Jiménez de la Vega": particles do not count towards a name's length.
  const nameWords = () => run.filter((t) => !PARTICLES.has(t.key)).length;
  for (let j = i + 1; j < tokens.length && nameWords() < MAX_NAME_WORDS; j++) {
    const token = tokens[j] as Token;
    if (!joined(text, tokens[j - 1] as Token, token) || !sameCase(lead, token)) break;
    // "benjamin a seiler", "eric g. samoylova": in lower-case text a lone letter is an initial;
    // "Edilene A Agrizzi": so is a capital one between capitalized words.
    const next = tokens[j + 1];
    const initial =
      token.text.length === 1 &&
      next !== undefined &&
      joined(text, token, next) &&
      (lead.shape === 'lower' || (token.shape === 'initial' && lead.shape === 'cap' && next.shape === 'cap'));
    if (isFunctionWord(token.key) && !initial && !(j === i + 1 && givenModal)) break;
    run.push(token);
  }
  while (run.length > 1 && PARTICLES.has((run.at(-1) as Token).key)) run.pop();
  // A given name or a cue ("pt John Smith test results") outweighs a clinical word after the run.
  const givenName = (t: Token) => lex.firstNames.has(foldAccents(t.key)) && !lex.commonWords.has(t.key);
  // "Loretta's cell 419-555-0123": a phone, not a Hürthle cell.
  const ownsPhone = /^['’]s (?:cell|mobile)\b\s*(?:#|:|no\.?|number|is|\(?\+?\d)/i.test(
    text.slice((run.at(-1) as Token).end - (/['’]s$/.test((run.at(-1) as Token).text) ? 2 : 0)),
  );
  const personal = strong || weak || ownsPhone || (run.length > 1 && run.some(givenName));
  // "Hamilton Depression Rating Scale", "Aga Khan University", "Lenke's guidelines", "Lenke et
  // al": a named instrument, an institution or an author, skipped whole.
  const after = tokens[i + run.length];
  const afterJoined = after !== undefined && joined(text, run.at(-1) as Token, after);
  // "Jane Ward", "Mrs Abby Ward": a surname that is also a head word ("Oncology Ward") is a
  // person's after a given name or a title; "Dana Farber" is the centre whatever.
  const surnameHead = (t: Token, k: number) =>
    INSTITUTION_HEADS.has(t.key) && lex.lastNames.has(t.key) && (strong || givenName(run[k] as Token));
  const named =
    run
      .slice(1)
      .some(
        (t, k) =>
          (isInstitutionHead(t.key, run[k]?.key) && !surnameHead(t, k)) ||
          (!personal && isClinicalHead(t.text)),
      ) ||
    (afterJoined &&
      after.shape === 'cap' &&
      isInstitutionHead(after.key.replace(/'s$/, ''), (run.at(-1) as Token).key)) ||
    (afterJoined && !personal && (isClinicalHead(after.text) || PLACE_HEADS.has(after.key))) ||
    /^\s+et\.? al\b/.test(text.slice((run.at(-1) as Token).end)) ||
    // Papers cite a method's author by surname ("according to Huskisson"); "according to Helena
    // Melo" is a person in a chat.
    (!strong && !weak && run.length === 1 && AUTHOR_BEFORE.test(before)) ||
    // "MD Anderson": the cancer centre, named for a man.
    /\bMD\s$/.test(before) ||
    text[lead.start - 1] === '/' ||
    text[(run.at(-1) as Token).end] === '/';
  if (named) return { verdict: 'no' as const, start: lead.start, end: lead.end, next: i + run.length };
  const listedClasses = run.map((token, k) => {
    if (k === 0 && givenModal) return 'first' as NameClass;
    if (token.shape === 'initial' || (k > 0 && token.text.length === 1)) return 'initial' as NameClass;
    if (PARTICLES.has(token.key) && k > 0) return 'particle' as NameClass;
    // Only a word on the same line, right after, can make this one an eponym ("Barthel index").
    const next = tokens[tokens.indexOf(token) + 1];
    // A given name before an eponym is part of its term ("Ann Arbor").
    const adjacent =
      next &&
      (!personal || isAlwaysClinical(next.text)) &&
      /^(?:['’]s?)? $/.test(text.slice(token.end, next.start))
        ? next.text
        : undefined;
    return classifyWord(token.text, adjacent, text.slice(token.end, token.end + 2), lex, run[k + 1]?.text);
  });
  // "Penny Cash can cover", "Robin Fox, 88,": a given name and a family name that are both
  // everyday words make a person when what follows is said of a person.
  const pairLast = run[1];
  const everydayPair =
    run.length === 2 &&
    pairLast !== undefined &&
    run.every((t) => t.shape === 'cap') &&
    lex.firstNames.has(lead.key) &&
    lex.otherNames.has(pairLast.key) &&
    !listedClasses.includes('clinical') &&
    personFollows(text.slice(pairLast.end, pairLast.end + 14));
  const classes: NameClass[] = everydayPair ? ['first', 'last'] : listedClasses;
  // Ordinary words next to a name ("When Kevin", "Kevin Street") are not part of it.
  let from = 0;
  let to = run.length;
  // A town that is also a surname ("Pratt", "Lima") is a name next to a given name.
  // "goes to Honor Blackwood": a given name that is also a word, then a word the census lists as a
  // surname, are a name together.
  const givenThenSurname =
    run.length === 2 &&
    classes[0] === 'ambiguous' &&
    lex.firstNames.has(lead.key) &&
    classes[1] === 'lexical' &&
    lex.otherNames.has((run[1] as Token).key);
  const withName = givenThenSurname || classes.some((c) => c === 'first' || c === 'last' || c === 'name');
  // After a title even an eponym's word is a person's: "Mr. Leonard Hodgkins".
  const cued = (k: number) =>
    strong &&
    run[k]?.shape === 'cap' &&
    ['word', 'place', 'lexical', 'clinical'].includes(classes[k] as NameClass);
  // "her great-aunt Marigold Penhaligon", "his wife Coral Nakashima": after a cue, an everyday word a
  // name list holds opens the name when the word after it can only be a name's.
  const givenAfterCue = (k: number) =>
    k === 0 &&
    weak &&
    lead.shape === 'cap' &&
    lex.otherNames.has(lead.key) &&
    ['unknown', 'first', 'last', 'name', 'census', 'uncommon', 'ambiguous'].includes(classes[1] as NameClass);
  const ordinary = (k: number) => {
    const c = classes[k];
    if (c === 'word' && givenAfterCue(k)) return false;
    if (c === 'place' || c === 'lexical') return !withName && !cued(k);
    return ((c === 'word' || c === 'clinical') && !cued(k)) || c === 'function';
  };
  // "Willemine ten Pas", "Ludwig van Beethoven": a particle between capitalized words joins a
  // given name to a surname, whatever the lists say of either.
  const particleJoined =
    !run.some((t) => INSTITUTION_HEADS.has(t.key) || PLACE_HEADS.has(t.key)) &&
    classes.some(
      (c, k) =>
        c === 'particle' &&
        k > 0 &&
        k < run.length - 1 &&
        run[k - 1]?.shape === 'cap' &&
        run[k + 1]?.shape === 'cap' &&
        ['word', 'unknown', 'lexical'].includes(classes[k - 1] as NameClass) &&
        ['word', 'unknown', 'lexical', 'last'].includes(classes[k + 1] as NameClass),
    );
  if (!particleJoined) {
    while (from < to && ordinary(from)) from++;
    while (to > from && (ordinary(to - 1) || classes[to - 1] === 'particle')) to--;
  }
  if (from === to) {
    // "love from Wes and Kit", "Mei, Jun, Xiaoling": an everyday word or a place that a name list
    // knows, written as a name inside a sentence, is maybe a name: one when listed beside a name.
    // "Milo and Juniper's mum": the possessive is no part of the name the lists hold.
    const bare = lead.key.replace(/'s$|'$/, '');
    const listedWord = (...wanted: NameClass[]) =>
      run.length === 1 &&
      lead.shape === 'cap' &&
      wanted.includes(classes[0] as NameClass) &&
      (lex.otherNames.has(bare) || lex.firstNames.has(bare)) &&
      !WEEKDAYS_AND_MONTHS.test(lead.key) &&
      !sentenceStart(text, lead);
    // "tell Mo to start", "ask Ash": after a cue such a word is the person spoken of.
    // The cue is typed as one, not a capitalized word of a name ("the National Patient Register").
    const typedCue = /(?:^|[.!?:\n]\s*)\p{Lu}\p{Ll}*[,:]?\s+$|(?:^|[^\p{L}])\p{Ll}+[.,:]?\s+$/u.test(before);
    if (weak && typedCue && listedWord('word', 'place', 'lexical'))
      return { verdict: 'name' as const, start: lead.start, end: lead.end, next: i + 1 };
    return listedWord('word', 'place')
      ? { verdict: 'maybe' as const, start: lead.start, end: lead.end, next: i + 1 }
      : { verdict: 'no' as const, next: i + 1, start: 0, end: 0 };
  }
  const words = run.slice(from, to);
  const kinds = classes.slice(from, to);
  const first = words[0] as Token;
  const last = words.at(-1) as Token;
  // "sarah o'brien-nakamura 39F, ALL Ph+": a case line's age and sex follow a patient's name.
  const lastWord = run[to - 1] as Token;
  const ageSexAfter =
    lastWord.text.length > 1 && AGE_SEX_AFTER.test(text.slice(lastWord.end, lastWord.end + 12));
  // "made by Grandma Blessing": a kin word may be the run's own first word, capitalized as a title is.
  const kinCue = from === 1 && lead.shape === 'cap' && KIN_CUE.test(lead.key);
  const context = {
    strong: strong && from === 0,
    weak: from === 0 ? weak || ageSexAfter : kinCue,
    atStart: sentenceStart(text, first),
    before: text.slice(Math.max(0, first.start - 30), first.start),
    after: text.slice(last.end, last.end + 12),
    following: /^[^.!?]*[.!?]?[^.!?]*/.exec(text.slice(last.end, last.end + 160))?.[0] ?? '',
    aloneOnLine: aloneOnLine(text, first, last),
    mode,
  };
  const end = last.shape === 'initial' && text[last.end] === '.' ? last.end + 1 : last.end;
  // A place is skipped whole, so no word of it is read as a name alone.
  if (isPlaceName(text, tokens, first, last, lex))
    return { verdict: 'no' as const, start: first.start, end, next: i + to };
  const clinical =
    inMeshTerm(text, tokens, first, last) ||
    afterClinicalOf(tokens, first, lex) ||
    coordinatedEponym(text, tokens, first, last) ||
    pairedEponym(text, tokens, first);
  let found = clinical ? 'no' : particleJoined ? 'name' : verdict(words, kinds, context, lex);
  // "Monjeau, Graves and Reed", "Baukje and Berthier", "Wes and Kit": a capitalized word on a
  // name list, or on no list at all, is maybe a name: it is one when listed beside a name.
  const listedGiven = lex.firstNames.has(foldAccents(first.key));
  // "me, jasper and ruby-mae": in text typed all in lower case, a given name a list knows.
  const lowerGiven = mode.lower && from === 0 && words.length === 1 && listedGiven && !context.atStart;
  if (lowerGiven && found === 'no') found = 'maybe';
  if (
    found === 'no' &&
    words.length === 1 &&
    first.shape === 'cap' &&
    ((!context.atStart &&
      (listedGiven || lex.otherNames.has(first.key) || kinds[0] === 'unknown' || kinds[0] === 'town')) ||
      // "Grace and Will Harrington", "founders: Hope, Ebere, Ludmila": a given name opening a list
      // of names, even opening a sentence.
      (listedGiven && /^(?:\s(?:and|&)\s|,\s)/.test(text.slice(end, end + 5))))
  )
    found = 'maybe';
  return { verdict: found, start: first.start, end, next: found === 'no' ? i + 1 : i + to };
}

/** Words of a MeSH term: "Lennox-Gastaut syndrome", "polycythemia vera" (a term has at most four). */
const MESH_TERM_WORDS = 4;

/**
 * True when two to four adjacent words that take in a word of the run are a MeSH term, a
 * disease, a procedure or a drug and no person: "spina bifida", "Pectus Carinatum", the run
 * whole; "vera" in "polycythemia vera", "Ewing sarcoma", with the word before it; "spina bifida"
 * after a "w", "aurora" in "aurora kinase drug", whatever else the run took in.
 */
function inMeshTerm(text: string, tokens: Token[], first: Token, last: Token): boolean {
  const from = tokens.indexOf(first);
  const to = tokens.indexOf(last);
  for (let start = Math.max(0, from - MESH_TERM_WORDS + 1); start <= to; start++) {
    for (let end = Math.max(start + 1, from); end < Math.min(tokens.length, start + MESH_TERM_WORDS); end++) {
      // Words of a name are joined as a run's are; a term's also by a hyphen ("Lennox-Gastaut").
      const adjacent = tokens.slice(start, end).every((token, k) => {
        const next = tokens[start + k + 1] as Token;
        return joined(text, token, next) || text.slice(token.end, next.start) === '-';
      });
      if (!adjacent) break;
      const words = text.slice((tokens[start] as Token).start, (tokens[end] as Token).end);
      if (isMeshTerm(words) || isMeshTerm(words.replaceAll('-', ' '))) return true;
    }
  }
  return false;
}

/** "child pugh A", "Young-Burgess class": an eponym joined to the eponym before it. */
function pairedEponym(text: string, tokens: Token[], first: Token): boolean {
  const before = tokens[tokens.indexOf(first) - 1];
  return (
    before !== undefined &&
    isEponym(before.text) &&
    isEponym(first.text) &&
    /^[ -]$/.test(text.slice(before.end, first.start))
  );
}
