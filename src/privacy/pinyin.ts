/**
 * Chinese given names romanized in pinyin ("Xiaoming", "Jianping", "Guoqing"): no list holds
 * them all, since they are built from two syllables, and their endings ("-ing", "-an") look
 * like English suffixes. A word that splits into two or three pinyin syllables and is no
 * English word is read as a name.
 */

const G_K_H = 'a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo';
const J_Q_X = 'i ia ian iang iao ie in ing iong iu u uan ue un';
const Z_C_S_R = 'a ai an ang ao e ei en eng i ong ou u uan ui un uo';
/** The finals each initial takes in standard Mandarin (tones dropped, ü written v). */
const FINALS_BY_INITIAL: Record<string, string> = {
  b: 'a ai an ang ao ei en eng i ian iao ie in ing o u',
  p: 'a ai an ang ao ei en eng i ian iao ie in ing o ou u',
  m: 'a ai an ang ao e ei en eng i ian iao ie in ing iu o ou u',
  f: 'a an ang ei en eng o ou u',
  d: 'a ai an ang ao e ei en eng i ian iao ie ing iu ong ou u uan ui un uo',
  t: 'a ai an ang ao e eng i ian iao ie ing ong ou u uan ui un uo',
  n: 'a ai an ang ao e ei en eng i ian iang iao ie in ing iu ong ou u uan uo v ve',
  l: 'a ai an ang ao e ei eng i ia ian iang iao ie in ing iu ong ou u uan un uo v ve',
  g: G_K_H,
  k: G_K_H,
  h: G_K_H,
  j: J_Q_X,
  q: J_Q_X,
  x: J_Q_X,
  zh: 'a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo',
  ch: 'a ai an ang ao e en eng i ong ou u uai uan uang ui un uo',
  sh: 'a ai an ang ao e ei en eng i ou u ua uai uan uang ui un uo',
  r: Z_C_S_R,
  z: Z_C_S_R,
  c: Z_C_S_R,
  s: Z_C_S_R,
  y: 'a an ang ao e i in ing o ong ou u uan ue un',
  w: 'a ai an ang ei en eng o u',
  '': 'a ai an ang ao e ei en eng er o ou',
};
const SYLLABLES = new Set(
  Object.entries(FINALS_BY_INITIAL).flatMap(([initial, finals]) =>
    finals.split(' ').map((final) => initial + final),
  ),
);
const LONGEST_SYLLABLE = 6;
const MIN_LENGTH = 5;

/** One pinyin syllable, tone dropped: "li", "na", "xiao". */
export function isPinyinSyllable(key: string): boolean {
  return SYLLABLES.has(key);
}

export function isPinyinName(word: string): boolean {
  const key = word.toLowerCase();
  return key.length >= MIN_LENGTH && syllableCount(key) >= 2;
}

/** How few syllables `key` splits into (0 when it does not split), at most three. */
function syllableCount(key: string): number {
  // fewest[i]: syllables needed for key.slice(0, i); Infinity when that prefix does not split.
  const fewest = [0, ...Array<number>(key.length).fill(Number.POSITIVE_INFINITY)];
  for (let end = 1; end <= key.length; end++) {
    for (let start = Math.max(0, end - LONGEST_SYLLABLE); start < end; start++) {
      if (SYLLABLES.has(key.slice(start, end)))
        fewest[end] = Math.min(fewest[end] as number, (fewest[start] as number) + 1);
    }
  }
  const count = fewest[key.length] as number;
  return count <= 3 ? count : 0;
}
