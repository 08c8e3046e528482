const DISEASE_NOUNS =
  '(?:leuka?emias?|lymphomas?|myelomas?|carcinomas?|cancers?|sarcomas?|gliomas?|glioblastomas?|blastomas?|melanomas?|mesotheliomas?|tumou?rs?|neoplasms?|neoplasias?|myelodysplastic syndromes?|malignanc(?:y|ies))';
const CONDITION_RE = new RegExp(String.raw`((?:[\p{L}][\p{L}-]*\s){0,3})(${DISEASE_NOUNS})\b`, 'iu');

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
  while (words.length > 0 && NOT_PART_OF_NAME.has((words[0] ?? '').toLowerCase())) words.shift();
  const name = [...words, match[2] ?? ''].join(' ');
  return name.replace(/\b(?![A-Z0-9-]{2,}\b)\p{Lu}/gu, (c) => c.toLowerCase());
}
