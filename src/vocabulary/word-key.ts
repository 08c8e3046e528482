import { stemmer } from 'stemmer';
import { isSharedIseSpelling } from './common-words.js';

/**
 * The key two spellings of one word share: "Leukaemias" and "leukemia", "metastases" and
 * "metastasis", "children" and "child". Porter's stemmer (the `stemmer` package, the same
 * algorithm as SQLite FTS5's `porter` tokenizer) does the suffixes; before it, diacritics are
 * folded, British spellings of medical words are made American, and the irregular plurals
 * Porter cannot know are made singular.
 */
export function wordKey(word: string): string {
  const folded = foldWord(word);
  if (folded.length <= 2 || /\d/.test(folded)) return folded;
  // Porter leaves "metastasi" for metastasis but "metastas" for metastases: one key for both;
  // and "recurr" for recurrence but "recur" for recurring. It cuts "ablative" to "abl" but
  // "ablation" to "ablat": an -ative word is keyed as its -ation noun.
  return stemmer(usualSpelling(folded).replace(/ative$/, 'ation'))
    .replace(/(?<=s)i$/, '')
    .replace(/([b-df-hj-kmnp-rtv-y])\1$/, '$1');
}

/**
 * The spelling most papers use: American, irregular plurals made singular ("leukaemias" →
 * "leukemias", "children" → "child"). What a word is looked up as in a search index that stems
 * but knows neither.
 */
export function usualSpelling(word: string): string {
  const folded = foldWord(word);
  if (folded.length <= 2 || /\d/.test(folded)) return folded;
  return americanSpelling(IRREGULAR_SINGULAR.get(folded) ?? folded);
}

/** Lowercase with diacritics removed ("Sjögren" → "sjogren", "Zoë" → "zoe"). */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Plurals that no suffix rule turns into their singular, and forms of "die" it keys apart. */
export const IRREGULAR_SINGULAR = new Map<string, string>(
  Object.entries({
    children: 'child',
    women: 'woman',
    men: 'man',
    people: 'person',
    feet: 'foot',
    teeth: 'tooth',
    mice: 'mouse',
    indices: 'index',
    appendices: 'appendix',
    vertebrae: 'vertebra',
    mucosae: 'mucosa',
    carcinomata: 'carcinoma',
    foci: 'focus',
    nuclei: 'nucleus',
    criteria: 'criterion',
    phenomena: 'phenomenon',
    data: 'datum',
    bronchi: 'bronchus',
    emboli: 'embolus',
    // Not plurals, but Porter keys "died" and "dies" as "di" and "die" as "die": "did fewer die".
    die: 'dies',
    dying: 'dies',
  }),
);

/**
 * haem-, leukaem-, paed-, anaem-, oesophag-, oestr-, oedem-, foet-, coeliac, naevus, apnoea,
 * diarrhoea, leucocyte, sulphate, grey, tumour, favourable, centre, titre, fibre, analogue,
 * gonadotrophin, artefact, defence, -ise, -yse: the British forms in which European abstracts
 * and US-trained readers differ.
 */
function americanSpelling(word: string): string {
  const spelt = word
    .replace(/ae(?=[cdmstv])/g, 'e')
    .replace(/^oe(?=s|d|st)/, 'e')
    .replace(/(?<=[nr]h?)oea(?=s?$|l$)/, 'ea')
    .replace(/^coel/, 'cel')
    .replace(/^foet/, 'fet')
    .replace(/^manoeuv/, 'maneuv')
    .replace(/^leuc(?=[ao])/, 'leuk')
    .replace(/sulph/g, 'sulf')
    .replace(/^grey/, 'gray')
    .replace(/^aluminium/, 'aluminum')
    .replace(/^artefact/, 'artifact')
    .replace(/^disk(?=s?$)/, 'disc')
    .replace(/^(defen|offen|licen)ce(s?)$/, '$1se$2')
    .replace(/trophin/, 'tropin')
    .replace(/(?<=\p{L})logue(s?)$/u, 'log$1')
    .replace(/our$|ours$/, (ending) => (ending === 'ours' ? 'ors' : 'or'))
    .replace(/(?<=\p{L}{2})our(?=(?:able|ably|ite|ites|ing|ed|al|ism)$)/u, 'or')
    .replace(/(?<=\p{L}{2})([tbv])re(s?)$/u, '$1er$2');
  if (isSharedIseSpelling(spelt)) return spelt;
  return spelt.replace(
    /([iy])s(e|ed|es|ing|ation|ations)$/,
    (_match, vowel: string, ending: string) => `${vowel}z${ending}`,
  );
}

/** Every string one slip from `folded`: a letter left out, added or changed, or two swapped. */
export function oneEditsOf(folded: string): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const edits = new Set<string>();
  for (let i = 0; i <= folded.length; i++) {
    const [head, tail] = [folded.slice(0, i), folded.slice(i)];
    if (tail) edits.add(head + tail.slice(1));
    if (tail.length > 1) edits.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of letters) {
      edits.add(head + letter + tail);
      if (tail) edits.add(head + letter + tail.slice(1));
    }
  }
  edits.delete(folded);
  return [...edits];
}
