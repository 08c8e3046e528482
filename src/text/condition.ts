const DISEASE_NOUNS =
  '(?:leuka?emias?|lymphomas?|myelomas?|carcinomas?|cancers?|sarcomas?|gliomas?|glioblastomas?|blastomas?|melanomas?|mesotheliomas?|tumou?rs?|neoplasms?|neoplasias?|myelodysplastic syndromes?|malignanc(?:y|ies))';
// The disease noun must start a word: "graft-versus-leukemia" names an effect, not a disease.
const CONDITION_RE = new RegExp(
  String.raw`((?:[\p{L}][\p{L}-]{0,40}\s){0,3})(?<![\p{L}-])(${DISEASE_NOUNS})\b`,
  'iu',
);

/** Words that can precede a disease name without being part of it. */
const NOT_PART_OF_NAME = new Set([
  'a',
  'an',
  'the',
  'with',
  'for',
  'of',
  'in',
  'and',
  'or',
  'to',
  'after',
  'before',
  'from',
  'by',
  'on',
  'at',
  'patients',
  'patient',
  'children',
  'adults',
  'infants',
  'status',
  'post',
  'treated',
  'treatment',
  'therapy',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'this',
  'that',
  'these',
  'their',
  'its',
  'our',
  'we',
  'common',
  'rare',
  'most',
  'other',
  'all',
  'any',
  'both',
  'among',
  'against',
  'as',
  'newly',
  'diagnosed',
  'relapsed',
  'refractory',
  'advanced',
  'metastatic',
  'recurrent',
  'untreated',
  'previously',
  'high-risk',
  'low-risk',
]);

/**
 * The first disease a text names ("juvenile myelomonocytic leukemia", "non-small cell lung
 * cancer"), without stage or setting words, or undefined. Used for a short parenthesis in the
 * digest intro, never as a finding.
 */
export function findCondition(text: string): string | undefined {
  const match = CONDITION_RE.exec(text);
  if (!match) return undefined;
  const words = (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
  // Walk back from the disease noun and stop at the first word that cannot be part of its name.
  const nameWords: string[] = [];
  for (const word of words.reverse()) {
    if (NOT_PART_OF_NAME.has(word.toLowerCase())) break;
    nameWords.unshift(word);
  }
  const name = [...nameWords, match[2] ?? ''].join(' ');
  return name.replace(/\b(?![A-Z0-9-]{2,}\b)\p{Lu}/gu, (c) => c.toLowerCase());
}
