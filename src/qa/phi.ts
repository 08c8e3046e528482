/**
 * HIPAA Safe Harbor guard for questions typed into Slack. Runs before a question reaches an
 * LLM, a log line or the store. Tuned for precision on clinical text: "18-month-old",
 * "monosomy 7", "grade 3/4", "PMID 12345678", gene and drug names pass untouched; an
 * identifier is only taken for one when its shape or its context says so.
 */

export interface PhiRedaction {
  /** The question with every identifier replaced by a bracketed kind ("[MRN]"). */
  text: string;
  /** Kinds removed, each once, in the order first found ("name", "MRN", "date"). */
  redactions: string[];
}

interface Rule {
  kind: string;
  pattern: RegExp;
  /** Group holding the identifier itself; the rest of the match (the context) is kept. */
  group?: number;
  /** Matches of the right shape that are not identifiers (a PubMed link). */
  keep?: (identifier: string) => boolean;
}

/** Links to the literature identify a paper, not a person. */
const LITERATURE_HOSTS =
  /^(?:https?:\/\/)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov|(?:dx\.)?doi\.org|europepmc\.org|(?:www\.)?biorxiv\.org|(?:www\.)?medrxiv\.org|clinicaltrials\.gov)(?:[/?#]|$)/i;

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY_OR_MONTH = '(?:0?[1-9]|[12]\\d|3[01])';
/** Same separator twice, and not inside a decimal: "0.62-0.80" and "grade 3/4" are not dates. */
const NUMERIC_DATE = ['/', '-', '\\.']
  .map((sep) => `(?<![\\d.,])${DAY_OR_MONTH}${sep}${DAY_OR_MONTH}${sep}(?:\\d{4}|\\d{2})(?![\\d.]?\\d)`)
  .join('|');
const ISO_DATE = '(?<![\\d.])\\d{4}-[01]\\d-[0-3]\\d\\b';
const WORD_DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+\\d{4})?)\\b`;
const ANY_DATE = `(?:${ISO_DATE}|${NUMERIC_DATE}|${WORD_DATE})`;

/** Eponyms and capitalized clinical words that follow "patient" without being a name. */
const NOT_NAMES = new Set(
  (
    'with without who whose which that this the a an and or of on in at for from to is was has had ' +
    'down hodgkin hodgkins wilms ewing ewings burkitt fanconi noonan diamond blackfan philadelphia li fraumeni ' +
    'lynch cowden turner klinefelter kaposi waldenstrom langerhans richter sezary bloom gorlin beckwith ' +
    'wiedemann dicer von hippel lindau shwachman jak pugh stage grade group arm cohort no number ' +
    'i ii iii iv male female caucasian asian african hispanic white black'
  ).split(' '),
);

const NAME_WORD = "[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?";
const NAME = `(?:[A-Z]\\.\\s?)?${NAME_WORD}(?:\\s+[A-Z]\\.)?(?:\\s+${NAME_WORD}){0,2}`;
const PERSON_WORDS = 'pt|patient|child|infant|baby|boy|girl|son|daughter|mother|father|mom|dad|husband|wife';
/** "pt John Smith", "Patient: Maria Lopez", "a boy named Sam", "name is …". */
const PATIENT_CONTEXT = `(?:\\b(?:${PERSON_WORDS}|Pt|Patient)\\b\\.?:?\\s+(?:(?:named|called)\\s+)?|\\b[Nn]ame(?:\\s+is|:)\\s*)`;

const RULES: Rule[] = [
  { kind: 'email', pattern: /\b[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi },
  { kind: 'URL', pattern: /\b(?:https?:\/\/|www\.)[^\s<>|]+/gi, keep: (url) => LITERATURE_HOSTS.test(url) },
  { kind: 'SSN', pattern: /\b\d{3}-\d{2}-\d{4}\b/g },
  {
    kind: 'SSN',
    pattern: /\b(SSN|social security(?: number| no\.?)?)\s*[:#]?\s*(\d[\d -]{6,10}\d)/gi,
    group: 2,
  },
  {
    kind: 'MRN',
    pattern:
      /\b(MRN|MR\s?#|med(?:ical)? rec(?:ord)?(?:\s+(?:number|no\.?|#))?|chart(?:\s+(?:number|no\.?|#))|hospital (?:number|no\.?|#))\s*[:#]?\s*([A-Z]{0,3}-?\d[\d-]{3,})/gi,
    group: 2,
  },
  {
    kind: 'account number',
    pattern:
      /\b((?:account|acct|policy|beneficiary|accession)\s*(?:id|no\.?|number|#)?)\s*[:#]?\s*([A-Z]{0,4}-?\d[\dA-Z-]{3,})/gi,
    group: 2,
  },
  {
    kind: 'account number',
    pattern:
      /\b((?:member|insurance|health plan|license|licence|certificate|serial|device|claim|encounter)\s*(?:id|no\.?|number|#))\s*[:#]?\s*([A-Z]{0,4}-?\d[\dA-Z-]{3,})/gi,
    group: 2,
  },
  {
    kind: 'phone',
    pattern: /(?<![\d.])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d.])/g,
  },
  {
    kind: 'phone',
    pattern:
      /\b(phone|tel|telephone|cell|mobile|fax|pager|call)\s*(?:no\.?|number|#)?\s*[:#]?\s*(\d{3}[\s.-]\d{4})\b/gi,
    group: 2,
  },
  { kind: 'IP address', pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g },
  {
    kind: 'date of birth',
    pattern: new RegExp(
      `\\b(DOB|D\\.O\\.B\\.?|date of birth|born(?: on| in)?|birthday)\\s*[:#]?\\s*(${ANY_DATE}|${MONTH}\\s+\\d{4}|\\d{4})`,
      'gi',
    ),
    group: 2,
  },
  // Case-sensitive on purpose: "may 2 cycles" is not a date, "May 2" is.
  { kind: 'date', pattern: new RegExp(ANY_DATE, 'g') },
  {
    kind: 'date',
    pattern: new RegExp(
      `\\b((?:admitted|discharged|died|deceased|transplanted|diagnosed|seen|presented|operated)\\s+(?:on|in)\\s+)(${MONTH}\\s+\\d{4})`,
      'gi',
    ),
    group: 2,
  },
  {
    kind: 'address',
    pattern:
      /\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Highway|Hwy|Parkway|Pkwy)\b\.?(?:,?\s+(?:Apt|Suite|Unit)\.?\s*\w+)?/g,
  },
  { kind: 'address', pattern: /\b((?:zip|zip code|postal code)\s*[:#]?\s*)(\d{5}(?:-\d{4})?)\b/gi, group: 2 },
  { kind: 'address', pattern: /(,\s*[A-Z]{2}\s+)(\d{5}(?:-\d{4})?)\b/g, group: 2 },
  {
    kind: 'age over 89',
    pattern: /\b(?:9\d|1[0-2]\d)\s*-?\s*(?:years?|yrs?|y)\s*-?\s*(?:old|o\b|\/o\b)/gi,
  },
  {
    kind: 'age over 89',
    pattern:
      /\b(aged?\s*[:]?\s*)((?:9\d|1[0-2]\d)(?:\s*(?:years?|yrs?|y))?)\b(?!\s*(?:or|and)\s+(?:older|over|above)|\s*\+|\s*[-–]\s*\d)/gi,
    group: 2,
  },
  {
    kind: 'name',
    pattern: /\b(Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+)?)/g,
    group: 2,
  },
  { kind: 'name', pattern: new RegExp(`(${PATIENT_CONTEXT})(${NAME})`, 'g'), group: 2 },
  { kind: 'name', pattern: new RegExp(`(${PATIENT_CONTEXT})([A-Z]\\.\\s?[A-Z]\\.)`, 'g'), group: 2 },
];

/** Replaces Safe Harbor identifiers with their kind in brackets and lists what was removed. */
export function redactPhi(text: string): PhiRedaction {
  const redactions: string[] = [];
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, (match: string, ...groups: unknown[]) => {
      const identifier = rule.group ? String(groups[rule.group - 1] ?? '') : match;
      if (!identifier || isPlaceholder(identifier) || rule.keep?.(identifier)) return match;
      if (rule.kind === 'name') {
        const kept = trimNonNames(identifier);
        if (!kept) return match;
        note(redactions, rule.kind);
        return match.replace(kept, `[${rule.kind}]`);
      }
      note(redactions, rule.kind);
      return rule.group ? match.replace(identifier, `[${rule.kind}]`) : `[${rule.kind}]`;
    });
  }
  return { text: out, redactions };
}

/** True when the text carries anything `redactPhi` would remove (for board-prep notes). */
export function looksIdentifying(text: string): boolean {
  return redactPhi(text).redactions.length > 0;
}

/**
 * A name match may run into ordinary capitalized words ("patient Maria Lopez With"): keep the
 * leading words that are not on the not-a-name list; nothing when the first word is on it.
 */
function trimNonNames(candidate: string): string {
  const words = candidate.split(/\s+/);
  const kept: string[] = [];
  for (const word of words) {
    if (NOT_NAMES.has(word.toLowerCase().replace(/[.'’]/g, ''))) break;
    kept.push(word);
  }
  return kept.join(' ');
}

function isPlaceholder(value: string): boolean {
  return /^\[[a-z A-Z0-9]+\]$/.test(value.trim());
}

function note(redactions: string[], kind: string): void {
  if (!redactions.includes(kind)) redactions.push(kind);
}
