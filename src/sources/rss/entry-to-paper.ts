import {
  articleFullText,
  extractIdentifiers,
  htmlToText,
  normalizeDoi,
  parseArticleText,
} from '../../text/index.js';
import type { Author, Paper } from '../../types.js';
import { buildPaper, type SourceContext } from '../paper.js';

/** One item/entry, whatever the feed format, reduced to what a paper needs. */
export interface FeedEntry {
  title?: string;
  link?: string;
  guid?: string;
  /** Description, content:encoded or Atom content/summary, as HTML. */
  html?: string;
  authors: string[];
  date?: string;
  dc?: {
    titles?: string[];
    creators?: string[];
    identifiers?: string[];
    dates?: string[];
    sources?: string[];
  };
  prismDoi?: string;
  journal?: string;
}

const PREPRINT_HOSTS = /(^|\.)(biorxiv|medrxiv)\.org$/i;

/**
 * A feed entry as a Paper. Identifiers come only from the entry's own link, guid,
 * `dc:identifier` and `prism:doi`, never from its description (which cites other papers).
 * An entry without a title is skipped.
 */
export function paperFromEntry(
  entry: FeedEntry,
  options: { context: SourceContext; feedJournal?: string; baseUrl?: string },
): Paper | undefined {
  const title = htmlToText(entry.title ?? entry.dc?.titles?.[0] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!title) return undefined;
  const link = absoluteUrl(entry.link?.trim(), options.baseUrl);
  const identifierText = [link, entry.guid, ...(entry.dc?.identifiers ?? [])].filter(Boolean).join(' ');
  const found = extractIdentifiers(identifierText);
  const doi = normalizeDoi(entry.prismDoi ?? '') ?? found.dois[0];
  const article = parseArticleText(entry.html ?? '');
  const fullText = articleFullText(article);
  const host = link ? new URL(link).hostname : '';

  return buildPaper(
    {
      pmid: found.pmids[0],
      doi,
      pmcid: found.pmcids[0],
      title,
      abstract: article.abstract,
      // Only a page-length item (a scraped case report) carries more than its abstract.
      fullText: fullText.length > 0 ? fullText : undefined,
      authors: authorsOf(entry),
      // A feed's own title is not a journal ("pubmed: jmml", "Case reports"): only say what the item or channel names.
      journal: entry.journal ?? entry.dc?.sources?.[0] ?? options.feedJournal ?? preprintServer(host),
      publishedDate: isoDate(entry.date ?? entry.dc?.dates?.[0]),
      url: link,
      isPreprint: PREPRINT_HOSTS.test(host) || (doi?.startsWith('10.1101/') ?? false),
    },
    options.context,
    link,
  );
}

function preprintServer(host: string): string | undefined {
  if (/(^|\.)biorxiv\.org$/i.test(host)) return 'bioRxiv';
  if (/(^|\.)medrxiv\.org$/i.test(host)) return 'medRxiv';
  return undefined;
}

function authorsOf(entry: FeedEntry): Author[] {
  const names = entry.authors.length > 0 ? entry.authors : (entry.dc?.creators ?? []);
  return names.flatMap(splitCreators).map(authorFromName);
}

/**
 * bioRxiv puts every author in one dc:creator as "Kukla, D., Crampton, A., Wood, D.":
 * "Last, Initials." pairs; other feeds give one "First Last" name per element.
 */
function splitCreators(raw: string): string[] {
  const text = htmlToText(raw).trim();
  const parts = text.split(/\s*,\s*/).filter(Boolean);
  const paired =
    parts.length % 2 === 0 && parts.every((part, i) => i % 2 === 0 || /^(?:[A-Z]\.?-?\s?){1,4}$/.test(part));
  if (!paired || parts.length < 2) return text ? [text] : [];
  const names: string[] = [];
  for (let i = 0; i < parts.length; i += 2) names.push(`${parts[i]}, ${parts[i + 1]}`);
  return names;
}

function authorFromName(name: string): Author {
  if (name.includes(',')) {
    const [lastName = '', initials = ''] = name.split(',').map((part) => part.trim());
    return { lastName, initials: initials.replace(/[.\s]/g, '') || undefined };
  }
  const words = name.split(/\s+/);
  if (words.length === 1) return { lastName: name };
  return { lastName: words.at(-1), foreName: words.slice(0, -1).join(' ') };
}

function absoluteUrl(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  if (URL.canParse(link)) return link;
  return base && URL.canParse(link, base) ? new URL(link, base).toString() : undefined;
}

/** Feed dates (RFC 822, ISO 8601) as an ISO calendar date. */
function isoDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : undefined;
}
