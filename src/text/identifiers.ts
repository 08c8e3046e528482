import { InvalidInputError } from '../errors.js';

/** Shown with every rejected paper reference, so the user sees a form that works. */
export const PAPER_REFERENCE_EXAMPLE = '/lit paper 31978945 or /lit paper 10.1056/NEJMoa2034577';

const DOI_BODY_RE = /10\.\d{4,9}\/[^\s"'<>]+/;
const DOI_PREFIX_RE = /^(?:doi:\s*|info:doi\/|https?:\/\/(?:dx\.)?doi\.org\/|(?:dx\.)?doi\.org\/)/i;
const PUBMED_URL_RE =
  /(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/(?:entrez\/query\.fcgi\?[^\s]*?list_uids=|pubmed\/)|europepmc\.org\/(?:article|abstract)\/MED\/)(\d{1,8})\b/i;
const PMID_LABEL_RE = /^(?:pmid|pubmed(?:\s*id)?|info:pmid\/)\s*:?\s*(\d{1,8})$/i;
const PMCID_RE = /\bPMC(\d{1,9})\b/i;
const NCT_RE = /\bNCT(\d{8})\b/i;

/** A DOI may end in ")" only when it also opened one, e.g. 10.1016/S0140-6736(20)30183-5. */
function trimDoiTail(doi: string): string {
  let trimmed = doi.replace(/[.,;:'"\]}>]+$/, '');
  while (trimmed.endsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0)) {
    trimmed = trimmed.slice(0, -1).replace(/[.,;:'"\]}>]+$/, '');
  }
  return trimmed;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The canonical DOI in `s` ("doi:", "https://doi.org/", URL-encoding and trailing punctuation
 * removed, lowercased: DOIs are case-insensitive), or undefined when there is none.
 */
export function normalizeDoi(s: string): string | undefined {
  const text = safeDecode(s.trim()).replace(DOI_PREFIX_RE, '');
  const match = DOI_BODY_RE.exec(text);
  if (!match) return undefined;
  const doi = trimDoiTail(match[0]).toLowerCase();
  return doi.includes('/') && !doi.endsWith('/') ? doi : undefined;
}

/** A PMID (1-8 digits, no leading zero) from a bare number, "PMID: n" or a PubMed/Europe PMC URL. */
export function parsePmid(s: string): string | undefined {
  const text = s.trim();
  const candidate = /^\d+$/.test(text)
    ? text
    : (PMID_LABEL_RE.exec(text)?.[1] ?? PUBMED_URL_RE.exec(text)?.[1]);
  return candidate && /^[1-9]\d{0,7}$/.test(candidate) ? candidate : undefined;
}

/** "PMC1234567" (uppercase) from the id itself or a PMC URL. */
export function parsePmcid(s: string): string | undefined {
  const match = PMCID_RE.exec(s.trim());
  return match ? `PMC${match[1]}` : undefined;
}

/** "NCT01234567" (uppercase) from the id itself or a ClinicalTrials.gov URL. */
export function parseNctId(s: string): string | undefined {
  const match = NCT_RE.exec(s.trim());
  return match ? `NCT${match[1]}` : undefined;
}

export interface ExtractedIdentifiers {
  pmids: string[];
  dois: string[];
  pmcids: string[];
  nctIds: string[];
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

/**
 * Every PMID, DOI, PMCID and NCT id mentioned in links, `dc:identifier` values or free text.
 * A bare number counts as a PMID only when labelled ("PMID: 123", "pmid:123") or in a PubMed
 * URL: unlabelled numbers in text are doses and counts.
 */
export function extractIdentifiers(text: string): ExtractedIdentifiers {
  const decoded = safeDecode(text);
  const pmids = [
    ...[...decoded.matchAll(new RegExp(PUBMED_URL_RE.source, 'gi'))].map((m) => m[1]),
    ...[...decoded.matchAll(/\b(?:pmid|info:pmid\/)\s*:?\s*(\d{1,8})\b/gi)].map((m) => m[1]),
  ];
  const dois = [...decoded.matchAll(new RegExp(DOI_BODY_RE.source, 'g'))].map((m) => normalizeDoi(m[0]));
  const pmcids = [...decoded.matchAll(new RegExp(PMCID_RE.source, 'gi'))].map((m) => `PMC${m[1]}`);
  const nctIds = [...decoded.matchAll(new RegExp(NCT_RE.source, 'gi'))].map((m) => `NCT${m[1]}`);
  return {
    pmids: unique(pmids.map((p) => (p && /^[1-9]/.test(p) ? p : undefined))),
    dois: unique(dois),
    pmcids: unique(pmcids),
    nctIds: unique(nctIds),
  };
}

export type PaperReference = { kind: 'pmid' | 'doi' | 'pmcid' | 'url'; value: string };

function httpUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a user typed after `/lit paper`: a PMID, a PMCID, a DOI (bare, doi:, or doi.org link),
 * or another article URL. Anything else is an InvalidInputError that shows a working example.
 */
export function parsePaperReference(input: string): PaperReference {
  // Slack sends links as "<https://…>" or "<https://…|label>".
  const text = input.trim().replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1');
  if (!text) throw new InvalidInputError('Give a PMID, DOI or article URL.', PAPER_REFERENCE_EXAMPLE);
  const pmid = parsePmid(text);
  if (pmid) return { kind: 'pmid', value: pmid };
  if (/^\d+$/.test(text)) {
    throw new InvalidInputError(`${text} is not a PMID (PMIDs have 1 to 8 digits).`, PAPER_REFERENCE_EXAMPLE);
  }
  const doi = normalizeDoi(text);
  if (doi && (DOI_PREFIX_RE.test(text) || text.startsWith('10.'))) return { kind: 'doi', value: doi };
  const pmcid = parsePmcid(text);
  if (pmcid && (/^PMC\d+$/i.test(text) || httpUrl(text))) return { kind: 'pmcid', value: pmcid };
  const url = httpUrl(text);
  if (url) return doi ? { kind: 'doi', value: doi } : { kind: 'url', value: url };
  throw new InvalidInputError('Not a PMID, DOI or article URL.', PAPER_REFERENCE_EXAMPLE);
}
