import { spansOf } from './match.js';
import type { PhiSpan } from './spans.js';

/**
 * Identifiers recognized by their shape or their label: e-mail, URLs, IP addresses, SSNs,
 * IBANs (mod-97 checked), card numbers (Luhn checked) and labelled record, account and
 * licence numbers. Identifiers of the literature (PMID, DOI, NCT) are left alone.
 */

/** Links to the literature identify a paper, not a person. */
const LITERATURE_HOSTS =
  /^(?:https?:\/\/)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov|(?:dx\.)?doi\.org|europepmc\.org|biorxiv\.org|medrxiv\.org|clinicaltrials\.gov)(?:[/?#]|$)/i;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>|]+/gi;
const TOP_LEVEL_DOMAIN =
  '(?:com|org|net|edu|gov|io|us|uk|ca|au|nz|ie|in|za|de|fr|es|it|nl|se|no|dk|fi|ch|at|be|pl|pt|br|mx|jp|sg|ph|ng|ke|me|info|health|app|dev|page|site|online|blog)';
/**
 * "caringbridge.org/visit/rosiethompson", "redeliver.example.co.nz/t/ANA-2291": a page typed
 * without its scheme; "hineana-tomasi.example.com": a personal site's host alone.
 */
const BARE_URL = new RegExp(
  `(?<![\\w@./-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.${TOP_LEVEL_DOMAIN}\\/[^\\s<>|]*[a-z0-9]|(?<![\\w@./-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)+\\.${TOP_LEVEL_DOMAIN}(?![\\w@/-]|\\.\\w)`,
  'gi',
);
/** "pt 05531927": a record number given where the patient is named. */
const MRN_AFTER_PATIENT =
  /\b(?:pt|patient)\s*#?\s*(\d{6,10})\b(?![.,]\d|\s*(?:%|patients|pts|mg|yo|years|y\/o))/dgi;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.]*\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])/gi;
const SSN = /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/g;
const SSN_LABELLED =
  /\b(?:SSN|social security(?: number| no\.?)?)(?:\s+(?:is|was))?\s*[:#]?\s*(\d[\d -]{6,10}\d)/dgi;
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![\p{L}\p{N}])/giu;
/** 12–19 digits in one run or in groups of four (cards); longer runs are not cards. */
const CARD = /(?<![\w.,/-])(?:\d{12,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?)(?![\w/]|[.,-]\d)/g;

/**
 * "K000418276", "QX904127", "HS24-027731", "ZS-0041827", "LIB-21870-04412": capitals and six or more digits are a
 * record, accession or insurance number whatever its label, unless a registry or a database of
 * the literature writes it (trials, reviews, sequences, grants).
 */
const ID_SHAPE =
  /(?<![\w/-])[A-Z]{1,4}(?:\d{2}-?\d{4,10}|-?\d{6,12}|-(?!(?:19|20)\d{2}-)\d{4,6}-\d{4,6})(?![\w-]|\.\d)/g;
const LITERATURE_ID =
  /^(?:NCT|PMC|PMID|UMIN|CRD|ISRCTN|ACTRN|CHICTR|DRKS|JPRN|KCT|CTRI|EUCTR|IRCT|NTR|GSE|GSM|GPL|SRR|SRP|SRX|ERR|PRJNA|PXD|ENSG|ENST|CAS|CRL|GM|CA|HL|AI|DK|NS|MH|AG|ES|EY|HD|DA|AA|LM|TR|DE|AR|EB|HG|AT|OD)\d/i;

/** The number, whole, and not a count ("account 12345 patients"). */
const NUMBER_VALUE =
  '((?:[A-Z]{1,6}-)?[A-Z]{0,6}[ -]?\\d(?:[\\dA-Z/-]|\\.(?=\\d{3})){3,})(?![\\dA-Z/-])(?!\\s*(?:patients|pts|cases|participants|subjects|%))';
/** "MRN: 123", "member ID is 123", "the medicaid ID for the Barrera kid is 982…". */
const LINK =
  "(?:\\s+for\\s+(?:the\\s+)?[A-Za-z'’ -]{1,25}?\\s+(?:is|was)|(?:\\s+(?:is|was|=))?)\\s*[:#(]?\\s*(?:no\\.?\\s*)?";
const MRN_LABEL =
  '\\b(?:MRN|MR\\s?#|med(?:ical)? rec(?:ord)?(?:\\s+(?:number|no\\.?|#))?|chart(?:\\s+(?:number|no\\.?|#))|hospital (?:number|no\\.?|#|id)|patient (?:id|number|no\\.?|#)|record (?:number|no\\.?|#)|(?:CR|IP|OP|UR|NHS|CHI|unit|clinic|hosp\\.?|registration|reg|folder|lab)\\s*(?:number|no\\.?|#)|UHID|EMPI|URN|IPP|case(?=\\s*:))';
const ACCOUNT_LABEL =
  '\\b(?:(?:(?:bank |checking |savings )?account|acct|beneficiary|passport|routing|medicaid|medicare(?: mbi)?|mbi)(?:\\s*(?:id|no\\.?|number|#))?|(?:policy|accession|member(?:ship)?|insurance|health plan|certificate|serial|device|claim|encounter|customer|client|staff|employee|payroll|student|pension|tax|frequent fl[yi]er|loyalty|rewards|library card)\\s*(?:id|no\\.?|number|#)|policy(?=\\s+[A-Z]{1,5}-?\\d)|(?:employee|staff|member|student)(?=\\s+[A-Z]{1,3}(?:-\\d{3,}|\\d{5,}))|(?:enc(?:ounter)?\\s+)?(?:CSN|FIN)|CPF|DNI|NIE|NIF|codice fiscale|CURP|Aadhaar|NINO|national insurance(?: number| no\\.?)?|national id(?: number| no\\.?)?|personnummer|BSN|KVNR|(?:kranken)?versichertennummer|C\\.F\\.|CIP|tarjeta sanitaria|HKID|teudat zehut|enrol(?:l)?ee\\s*(?:no\\.?|number)|(?:DVA\\s+)?gold card|NIR|IHI|PHN|OHIP|PhilHealth(?:\\s*(?:id|no\\.?|number))?|(?:RUT|RUN|PESEL|SIN|TFN|IRD)\\b|rodné číslo)';
const LICENCE_LABEL =
  "\\b(?:driver'?s? licen[cs]e|driving licen[cs]e|licen[cs]e|DL|DEA|NPI)(?:\\s*(?:id|no\\.?|number|#))?";
const CARD_LABEL =
  '\\b(?:(?:credit |debit )?card(?:\\s*(?:no\\.?|number|#))?|cc(?:\\s*(?:no\\.?|number|#))?|CVV|CVC)';

/** A label, then an optional "is"/":"/"#", then the number: the label is kept. */
const labelled = (label: string, value = NUMBER_VALUE) => new RegExp(`${label}${LINK}${value}`, 'dgi');
const MRN = labelled(MRN_LABEL);
const ACCOUNT = labelled(ACCOUNT_LABEL);
const LICENCE = labelled(LICENCE_LABEL);
const CARD_LABELLED = labelled(CARD_LABEL, '(\\d[\\d -]{6,22}\\d)');

/** Shape- and label-based identifiers in `text`, unmerged. */
export function findNumberLike(text: string): PhiSpan[] {
  return [
    ...spansOf(text, EMAIL, 'email'),
    ...spansOf(text, URL_PATTERN, 'URL', { accept: (url) => !LITERATURE_HOSTS.test(url) }),
    ...spansOf(text, BARE_URL, 'URL', { accept: (url) => !LITERATURE_HOSTS.test(url) }),
    ...spansOf(text, MRN_AFTER_PATIENT, 'MRN', { group: 1 }),
    ...spansOf(text, IPV4, 'IP address'),
    ...spansOf(text, IPV6, 'IP address'),
    ...spansOf(text, SSN, 'SSN'),
    ...spansOf(text, SSN_LABELLED, 'SSN', { group: 1 }),
    ...spansOf(text, IBAN, 'account number', { accept: looksLikeIban }),
    ...spansOf(text, CARD, 'card number', { accept: (v) => luhnValid(v) }),
    ...spansOf(text, CARD, 'account number', { accept: (v) => !luhnValid(v) }),
    ...spansOf(text, CARD_LABELLED, 'card number', { group: 1 }),
    ...spansOf(text, ID_SHAPE, 'account number', {
      accept: (id) => !LITERATURE_ID.test(id.replace('-', '')),
    }),
    ...spansOf(text, MRN, 'MRN', { group: 1, accept: notLiterature }),
    ...spansOf(text, ACCOUNT, 'account number', { group: 1, accept: notLiterature }),
    ...spansOf(text, LICENCE, 'licence number', { group: 1, accept: notLiterature }),
  ];
}

/** Luhn checksum: true for a plausible payment card number. */
export function luhnValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 12 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * An IBAN by its checksum, or by its shape when a typo broke the checksum: country letters,
 * check digits, then a run holding at least eight digits ("GB52AEJL57263335291959").
 */
function looksLikeIban(value: string): boolean {
  const compact = value.replace(/ /g, '').toUpperCase();
  return isIban(value) || (/^[A-Z]{2}\d{2}[A-Z]{0,6}\d{8,}[A-Z0-9]*$/.test(compact) && compact.length <= 34);
}

/** ISO 13616 check: move the country and check digits to the end, letters to numbers, mod 97. */
export function isIban(value: string): boolean {
  const compact = value.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** "PMID 12345678", "NCT01234567" identify papers and trials. */
function notLiterature(value: string): boolean {
  return !/^(?:NCT|PMC)\d/i.test(value.trim());
}
