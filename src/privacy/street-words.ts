import { fakerLocales, normalizeWord } from './lexicon.js';
import { cachedWordLists } from './list-cache.js';

/**
 * Words that make a street: types written as their own word ("Avenue", "Rue", "Via", "u.",
 * "ul.", "Bóthar"), taken from the street vocabularies of faker's ~70 locales plus the abbreviations
 * people type and the suffixes of USPS Publication 28 (appendix C1) that faker lacks ("Bend",
 * "Bluff"), and endings that carry the type inside the word in Nordic, Dutch, German and Finnish
 * names ("Søndergade", "Koskikatu", "Magasinsgatan", "Bundesstrasse").
 */
export interface StreetWords {
  types: Set<string>;
  endings: string[];
}

const TYPED = `
st st. str str. ave ave. av av. rd rd. dr dr. ln ln. blvd blvd. ct ct. pl pl. sq sq. hwy pkwy cres terr
u. ul. ul tér út utca ulica ulice náměstí nám. rue via viale vicolo piazza corso rua calle avenida
travessa alameda rodovia strada largo allée quai impasse chemin route boulevard avenue street road drive
lane court way place terrace circle parkway highway square close crescent grove gardens mews row walk
plaza trail alley path lodge estate street's straße strasse gasse weg platz allee ring vej gade gata
gatan vegur braut stræti straeti laan straat dreef plein gracht kade singel katu tie kuja polku
caddesi cad. cd. sokak sokağı sok. sk. bulvarı blv. mahallesi mah. bóthar sráid ascaill lána cearnóg
plás ard
annex arcade bayou beach bend bluff bluffs bottom commons crossroads`;

const ENDINGS = `
vej gade gasse strasse straße str weg platz allee gata gatan vegen vägen veien stræti straeti vegur
braut laan straat dreef plein gracht kade singel katu tie kuja polku kaari raitti rinne ranta väylä
terrasse stien bakken ringen gate gaten vei veien`;

/** Faker locale keys whose street suffixes are written as a separate word. */
const FAKER_KEYS = ['street_suffix', 'street_prefix', 'common_street_suffix'];

let cached: StreetWords | undefined;

export function streetWords(): StreetWords {
  if (cached) return cached;
  const { types = [] } = cachedWordLists(import.meta.url, ['@faker-js/faker'], () => ({
    types: fakerStreetTypes(),
  }));
  cached = { types: new Set(types), endings: ENDINGS.trim().split(/\s+/).map(normalizeWord) };
  return cached;
}

function fakerStreetTypes(): string[] {
  const types = new Set(TYPED.trim().split(/\s+/).map(normalizeWord));
  for (const locale of Object.values(fakerLocales())) {
    const location = (locale as { location?: Record<string, unknown> }).location;
    for (const key of FAKER_KEYS) {
      const list = location?.[key];
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        if (typeof entry === 'string' && /^[\p{L}.]{2,14}$/u.test(entry)) types.add(normalizeWord(entry));
      }
    }
  }
  return [...types];
}

/** True for "Koskikatu", "Søndergade": a word that ends in a street type. */
export function endsInStreetType(word: string): boolean {
  const key = normalizeWord(word).replace(/\.$/, '');
  return streetWords().endings.some((ending) => key.length > ending.length + 2 && key.endsWith(ending));
}
