import type { PhiSpan } from './spans.js';

/**
 * Names written in another script inside English text: "Chen Wei 陈伟 57M", "Contact person:
 * נוי עומר", "pt 김민준 f/u", "ФРОЛОВА ЛЮБОВЬ". Capitals and name lists are what the name
 * detector reads a name by, and these scripts have no capitals or no listed names; in a message
 * otherwise typed in Latin letters a run of such words is a person's name far more often than
 * anything else (the app's papers and questions are in English). Greek is left out: its letters
 * are clinical symbols ("TGF-β", "γδ T cells").
 */

const UNCASED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Gurmukhi}\p{Script=Ethiopic}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}`;
/** Up to five words of those scripts, joined by a space, a comma ("Last, First"), a middle dot or a zero-width non-joiner. */
const RUN = new RegExp(
  String.raw`[${UNCASED}][${UNCASED}\p{M}\u200C]*(?:(?:, ?| |・|·)[${UNCASED}][${UNCASED}\p{M}\u200C]*){0,4}`,
  'gu',
);
/** A Latin word of three letters or more: the message is typed in English. */
const LATIN_WORD = /\p{Script=Latin}{3,}/u;

/**
 * A text written in Chinese, Japanese or Korean names a person after a field's label: "联系人：林晓东"
 * (contact), "姓名: 王伟" (name), "患者：李娜" (patient), "氏名：山田 太郎", "喪主：" (chief mourner), "이름: 김민준".
 */
const CJK_NAME = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}・·]`;
const LABELLED_CJK = new RegExp(
  String.raw`(?:联系人|聯絡人|联络人|姓名|名字|患者|病人|收件人|收货人|申请人|客户|氏名|名前|お名前|受取人|担当者|喪主|이름|성명|환자|수령인)\s*[：:]\s*(${CJK_NAME}{1,6}(?:[ 　]${CJK_NAME}{1,6})?)`,
  'dgu',
);
/** "山本 春子（やまもと はるこ）": the name's reading in kana, in brackets right after it. */
const READING_AFTER =
  /^[（(]([\p{Script=Hiragana}\p{Script=Katakana}ー]+(?:[ 　][\p{Script=Hiragana}\p{Script=Katakana}ー]+)?)[）)]/du;

export function findScriptNames(text: string): PhiSpan[] {
  if (!LATIN_WORD.test(text)) {
    return [...text.matchAll(LABELLED_CJK)].flatMap((m) => {
      const [start, end] = m.indices?.[1] ?? [];
      if (start === undefined || end === undefined) return [];
      const reading = READING_AFTER.exec(text.slice(end));
      const spans = [{ start, end, kind: 'name' as const }];
      const [from, to] = reading?.indices?.[1] ?? [];
      if (from !== undefined && to !== undefined)
        spans.push({ start: end + from, end: end + to, kind: 'name' });
      return spans;
    });
  }
  return [...text.matchAll(RUN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'name' as const,
  }));
}
