import { InvalidInputError } from '../errors.js';
import type { FeedProbe } from '../sources/index.js';
import type { FeedKind, FeedSubscription } from '../types.js';

const MAX_QUERY_LENGTH = 1000;

/** bioRxiv and medRxiv subject categories, as the servers spell them. */
export const PREPRINT_CATEGORIES: Record<'biorxiv' | 'medrxiv', string[]> = {
  biorxiv: [
    'biochemistry',
    'bioengineering',
    'bioinformatics',
    'biophysics',
    'cancer biology',
    'cell biology',
    'clinical trials',
    'developmental biology',
    'epidemiology',
    'genetics',
    'genomics',
    'immunology',
    'microbiology',
    'molecular biology',
    'neuroscience',
    'pathology',
    'pharmacology and toxicology',
    'physiology',
    'systems biology',
  ],
  medrxiv: [
    'dermatology',
    'endocrinology',
    'gastroenterology',
    'genetic and genomic medicine',
    'hematology',
    'obstetrics and gynecology',
    'oncology',
    'otolaryngology',
    'pathology',
    'pediatrics',
    'radiology and imaging',
    'urology',
  ],
};

/**
 * The subscription `/lit feeds add` stores for a feed that passed the probe. The id is the
 * final URL (after redirects), so two channels adding the same feed share one fetch.
 */
export function subscriptionFromProbe(probe: FeedProbe, addedBy: string, now: Date): FeedSubscription {
  return { id: `rss:${probe.url}`, kind: 'rss', target: probe.url, addedBy, addedAt: now.toISOString() };
}

/**
 * A search subscription as typed after `/lit feeds add`: `pubmed <query>`, `europepmc <query>`,
 * `biorxiv <category>` or `medrxiv <category>`. The id is kind + query, so channels with the
 * same search share one fetch. Bad input is an InvalidInputError with an example.
 */
export function searchSubscription(
  kind: Exclude<FeedKind, 'rss'>,
  value: string,
  addedBy: string,
  now: Date,
): FeedSubscription {
  const target = value.trim().replace(/\s+/g, ' ');
  if (kind === 'biorxiv' || kind === 'medrxiv') {
    const category = target.toLowerCase().replace(/_/g, ' ');
    const known = PREPRINT_CATEGORIES[kind];
    if (!known.includes(category)) {
      throw new InvalidInputError(
        `"${target}" is not a ${kind === 'biorxiv' ? 'bioRxiv' : 'medRxiv'} category; use one of: ${known.join(', ')}.`,
        `/lit feeds add ${kind} ${known[kind === 'biorxiv' ? 4 : 6]}`,
      );
    }
    return { id: `${kind}:${category}`, kind, target: category, addedBy, addedAt: now.toISOString() };
  }
  if (!target) {
    throw new InvalidInputError(
      `Give the ${kind === 'pubmed' ? 'PubMed' : 'Europe PMC'} search to run.`,
      searchExample(kind),
    );
  }
  if (target.length > MAX_QUERY_LENGTH) {
    throw new InvalidInputError(
      `A search can be at most ${MAX_QUERY_LENGTH} characters.`,
      searchExample(kind),
    );
  }
  if (countOf(target, '(') !== countOf(target, ')') || countOf(target, '"') % 2 === 1) {
    throw new InvalidInputError('That search has an unmatched parenthesis or quote.', searchExample(kind));
  }
  return { id: `${kind}:${target}`, kind, target, addedBy, addedAt: now.toISOString() };
}

export function searchExample(kind: FeedKind): string {
  if (kind === 'europepmc') return '/lit feeds add europepmc MESH_HEADING:"Neuroblastoma" AND SRC:PPR';
  if (kind === 'biorxiv') return '/lit feeds add biorxiv cancer biology';
  if (kind === 'medrxiv') return '/lit feeds add medrxiv oncology';
  return '/lit feeds add pubmed "Neuroblastoma"[mh] AND "Clinical Trial"[pt]';
}

function countOf(text: string, character: string): number {
  return text.split(character).length - 1;
}
