import { createRequire } from 'node:module';
import { foldAccents, lexicon, normalizeWord } from '../src/privacy/lexicon.js';
import type { LabelledRecord } from './phi-data.js';

/**
 * Cross-validation for the PHI guard without touching the kept-out half: the tuning half's
 * records become templates (each labelled person name and street address a slot), refilled
 * with names and streets from generators the guard never reads: the name and street data of
 * `casual`'s locales and `@ngneat/falso`. The guard's lists come from faker, compromise and
 * the census list, so a refilled name is often on no list at all, and the streets are other
 * streets in other spellings: recall on them shows what the detection does beyond the values
 * it was tuned on. Everything else in a record (phones, cities, templates) stays as it was.
 */

const require = createRequire(import.meta.url);
/** Latin-script locales of `casual` with names and streets of their own. */
const CASUAL_LOCALES = [
  '',
  'da_DK',
  'de_DE',
  'fr_FR',
  'it_IT',
  'it_CH',
  'nl_NL',
  'pt_BR',
  'ro_RO',
  'sv_SE',
  'nb_NO',
];
const REFILL_SEEDS = [101, 202, 303, 404];
const REFILLED = new Set(['PERSON', 'STREET_ADDRESS']);
/** Words of an address's first line that are its structure, not its street's name. */
const UNIT_WORD = /^(?:apt\.?|suite|unit|box|psc|apo|dpo|fpo|p\.o\.|po|ste\.?|flat|floor)$/i;

interface Pools {
  first: string[][];
  last: string[][];
  streets: ((random: Random) => string)[];
}

type Random = () => number;

/**
 * The tuning half, refilled once per seed. With `unlisted`, every name is one no list of the
 * guard knows, so only context and word shape can find it.
 */
export function refilledRecords(records: LabelledRecord[], { unlisted = false } = {}): LabelledRecord[] {
  const pools = unlisted ? unlistedPools(namePools()) : namePools();
  return REFILL_SEEDS.flatMap((seed) => {
    const random = seeded(seed);
    return records.map((record) => refill(record, pools, random));
  });
}

/**
 * True when no list the guard reads knows any word of `name`, as written or in plain letters:
 * only context and word shape can find it.
 */
export function isUnlisted(name: string): boolean {
  const lex = lexicon();
  return name
    .split(/[\s.]+/)
    .filter((part) => part.length > 1)
    .every((part) => {
      const keys = [normalizeWord(part), foldAccents(normalizeWord(part))];
      return keys.every(
        (key) => !lex.firstNames.has(key) && !lex.lastNames.has(key) && !lex.otherNames.has(key),
      );
    });
}

function unlistedPools(pools: Pools): Pools {
  const only = (lists: string[][]) => {
    const kept = lists.map((list) => list.filter(isUnlisted));
    const fallback = kept.flat();
    return kept.map((list) => (list.length >= 10 ? list : fallback));
  };
  return { ...pools, first: only(pools.first), last: only(pools.last) };
}

function refill(record: LabelledRecord, pools: Pools, random: Random): LabelledRecord {
  const locale = Math.floor(random() * pools.first.length);
  const tokens = new Map<string, string>();
  const spans = [...record.spans].sort((a, b) => a.start_position - b.start_position);
  let text = '';
  let at = 0;
  const out: LabelledRecord['spans'] = [];
  for (const span of spans) {
    text += record.full_text.slice(at, span.start_position);
    const value = REFILLED.has(span.entity_type)
      ? span.entity_type === 'PERSON'
        ? newName(span.entity_value, spans, tokens, pools, locale, random)
        : newAddress(span.entity_value, pools, random)
      : span.entity_value;
    out.push({
      ...span,
      entity_value: value,
      start_position: text.length,
      end_position: text.length + value.length,
    });
    text += value;
    at = span.end_position;
  }
  return { full_text: text + record.full_text.slice(at), spans: out };
}

/**
 * A new name of the same form: as many words, initials kept as initials, the same case.
 * A word that recurs in the record ("Vanessa P. Hertzog … calls me Vanessa") gets the same
 * replacement each time.
 */
function newName(
  old: string,
  spans: LabelledRecord['spans'],
  tokens: Map<string, string>,
  pools: Pools,
  locale: number,
  random: Random,
): string {
  const words = old.split(' ');
  const role = (word: string, k: number) => {
    if (words.length > 1) return k === 0 ? 'first' : 'last';
    const elsewhere = spans
      .map((s) => s.entity_value.split(' '))
      .find((w) => w.length > 1 && w.includes(word));
    if (elsewhere) return elsewhere[0] === word ? 'first' : 'last';
    return random() < 0.5 ? 'first' : 'last';
  };
  const fresh = words.map((word, k) => {
    if (/^\p{Lu}\.?$/u.test(word) || /^(?:I{1,3}|IV|Jr\.?|Sr\.?)$/.test(word)) return word;
    if (k > 0 && k < words.length - 1 && /^\p{Ll}+$/u.test(word)) return word;
    const known = tokens.get(word);
    if (known) return known;
    const pool = role(word, k) === 'first' ? pools.first : pools.last;
    const name = pick(pool[locale] as string[], random);
    tokens.set(word, name);
    return name;
  });
  return inCaseOf(old, fresh.join(' '));
}

/** The first line's street replaced by another generator's street, numbers kept in length. */
function newAddress(old: string, pools: Pools, random: Random): string {
  const [first = '', ...rest] = old.split('\n');
  const streets = pools.streets;
  const street = pick(streets, random)(random);
  let replaced = false;
  const renamed = (run: string) => {
    const words = run.split(/\s+/);
    const lead = words.findIndex((w) => !UNIT_WORD.test(w) && !/^(?:the|corner|of|and)$/i.test(w));
    if (lead === -1) return run;
    const tail = words.slice(lead).findIndex((w) => UNIT_WORD.test(w));
    const end = tail === -1 ? words.length : lead + tail;
    const name = replaced ? pick(streets, random)(random) : street;
    replaced = true;
    return [
      ...words.slice(0, lead),
      inCaseOf(words.slice(lead, end).join(' '), name),
      ...words.slice(end),
    ].join(' ');
  };
  // The street, and the second street of a corner ("… Botley Road St. and Herceg Gateway St."); a
  // city or country after a comma stays.
  const line = first.replace(
    /[\p{L}][\p{L}\p{M}'’.-]*(?:\s+(?!and\s)[\p{L}][\p{L}\p{M}'’.-]*)*/gu,
    (run, offset: number) =>
      !replaced || /\band\s*$/i.test(first.slice(0, offset)) || /^and\s/i.test(run) ? renamed(run) : run,
  );
  const digits = line.replace(/\d/g, () => String(Math.floor(random() * 10)));
  return [digits, ...rest].join('\n');
}

/** `value` in the case `model` is written in: all lower, all upper, or as generated. */
function inCaseOf(model: string, value: string): string {
  if (model === model.toLocaleLowerCase() && model !== model.toLocaleUpperCase())
    return value.toLocaleLowerCase();
  if (model === model.toLocaleUpperCase() && /\p{L}{2}/u.test(model)) return value.toLocaleUpperCase();
  return value;
}

function namePools(): Pools {
  const falso = require('@ngneat/falso') as {
    seed(seed: string): void;
    randFirstName(o: { length: number; withAccents?: boolean }): string[];
    randLastName(o: { length: number }): string[];
    randStreetName(o: { length: number }): string[];
  };
  falso.seed('phi-refill');
  // falso spells one name "KŠthe" (Käthe, mis-encoded): no one writes that.
  const wellFormed = (names: string[]) => [...new Set(names)].filter((name) => !/\p{Ll}\p{Lu}/u.test(name));
  const first: string[][] = [wellFormed(falso.randFirstName({ length: 4000, withAccents: true }))];
  const last: string[][] = [wellFormed(falso.randLastName({ length: 4000 }))];
  const englishStreets = [...new Set(falso.randStreetName({ length: 2000 }))];
  const streets: ((random: Random) => string)[] = [(random) => pick(englishStreets, random)];
  for (const locale of CASUAL_LOCALES) {
    const dir = `casual/src/providers/${locale ? `${locale}/` : ''}`;
    const person = require(`${dir}person.js`) as Record<string, unknown>;
    const names = (...keys: string[]) =>
      keys.flatMap((key) => (Array.isArray(person[key]) ? (person[key] as string[]) : []));
    first.push(
      names(
        'first_names',
        'first_name_females',
        'first_name_males',
        'first_names_female',
        'first_names_male',
      ),
    );
    last.push(names('last_names'));
  }
  streets.push(...casualStreets(first, last));
  return { first, last, streets };
}

/** Streets in the shapes `casual`'s locales write them ("Rosenweg", "Strada Hrisovului", "Evas vei"). */
function casualStreets(first: string[][], last: string[][]): ((random: Random) => string)[] {
  const address = (locale: string) =>
    require(`casual/src/providers/${locale}/address.js`) as Record<string, string[]>;
  const any = (list: string[] | undefined, random: Random) => pick(list ?? [''], random);
  const de = address('de_DE');
  const fr = address('fr_FR');
  const it = address('it_IT');
  const nl = address('nl_NL');
  const pt = address('pt_BR');
  const ro = address('ro_RO');
  const sv = address('sv_SE');
  const da = address('da_DK');
  return [
    (r) => `${any(de.street_parts, r)}${any(de.street_suffixes, r)}`,
    (r) => `${any(fr.street_prefixes, r)} ${any(fr.street_suffixes, r)}`,
    (r) => `${any(it.street_prefixes, r)} ${any(it.street_suffixes, r)}`,
    (r) => `${any(last[6], r)}${any(nl.street_suffixes, r)}`,
    (r) => `${any(pt.street_prefixes, r)} ${any(pt.streets, r)}`,
    (r) => `${any(ro.street_prefixes, r)} ${any(ro.street_suffixes, r)}`,
    (r) => `${any(sv.street_prefixes, r)}${any(sv.street_suffixes, r)}`,
    (r) => `${any(first[10], r)}s ${r() < 0.5 ? 'gate' : 'vei'}`,
    (r) => `${any(da.street_prefixes, r)}${any(da.street_suffixes, r)}`,
    (r) => any(last[0], r),
  ];
}

function pick<T>(list: T[], random: Random): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** mulberry32: the same refill on every run. */
function seeded(seed: number): Random {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
