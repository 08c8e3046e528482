import type { PhiSpan } from './spans.js';

/**
 * Street addresses written in Chinese or Japanese, which the Latin-letter address rules cannot
 * read: no spaces, no street-type words after a name, numbers glued to the characters. The city
 * and district before the street ("北京市朝阳区", "東京都渋谷区") are not identifying on their own
 * and are left, as the Latin rules leave a town.
 */

const HAN = String.raw`\p{Script=Han}`;
const KANA = String.raw`\p{Script=Hiragana}\p{Script=Katakana}ー`;
const DIGITS = '[0-9０-９]+';
/** Where a street name starts: after the city, district, township or village, or a label. */
const AREA_END = '区區市县縣镇鎮省州乡鄉都府県';
const AFTER_AREA = String.raw`(?<=[${AREA_END}町村]|^|[\s：:，,、])`;
/** A character of a street's or a block's name: not the end of the area before it. */
const NAME_CHAR = (letters: string) => `(?:(?![${AREA_END}])[${letters}])`;
/** Building, unit, floor and room after the house number: "3单元1201室", "8樓之2", "5F". */
const CHINESE_UNIT = `(?:${DIGITS}(?:栋|棟|幢|号楼|號樓|座|单元|單元|楼|樓|层|層|室|号室|號室|F)|之${DIGITS}|[-－]${DIGITS})*`;
/**
 * "建国路88号3单元1201室", "復興南路一段390號8樓之2", "中山北路二段45巷7弄3號": a street (路, 街, 大道,
 * 道, 巷, 弄, 胡同) with its section, lane and number.
 */
const CHINESE_STREET = new RegExp(
  `${AFTER_AREA}${NAME_CHAR(HAN)}{1,8}?(?:大道|路|街|胡同|巷|弄|道)(?:[一二三四五六七八九十${'0-9'}]+段)?(?:${DIGITS}(?:巷|弄))*${DIGITS}[号號]${CHINESE_UNIT}`,
  'gu',
);
/**
 * "渋谷2丁目14番7号", "神宮前3-14-7 メゾン青山203号室": a Japanese block address (chōme, banchi, gō)
 * after the ward, with the building and room when they follow.
 */
const JAPANESE_BLOCK = new RegExp(
  `${AFTER_AREA}${NAME_CHAR(HAN + KANA)}{1,8}?(?:${DIGITS}丁目${DIGITS}番(?:地)?(?:${DIGITS}号?)?|${DIGITS}[-－]${DIGITS}[-－]${DIGITS})(?:[ 　]?[${HAN}${KANA}A-Za-z]{1,12}${DIGITS}号室)?`,
  'gu',
);

const ANY_HAN = new RegExp(`[${HAN}]`, 'u');

export function findScriptAddresses(text: string): PhiSpan[] {
  if (!ANY_HAN.test(text)) return [];
  return [...text.matchAll(CHINESE_STREET), ...text.matchAll(JAPANESE_BLOCK)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'address' as const,
  }));
}
