import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import {
  articleFullText,
  extractIdentifiers,
  htmlToText,
  normalizeDoi,
  parseArticleText,
  parsePmid,
} from '../text/index.js';
import type { Author, Paper } from '../types.js';
import type { FetchBody } from './http.js';
import { buildPaper, type SourceContext } from './paper.js';
import { decodeFeedBody } from './rss/decode.js';

/** Highwire Press (`citation_*`) and Dublin Core meta tags an article page may carry. */
interface PageMeta {
  title?: string;
  doi?: string;
  pmid?: string;
  journal?: string;
  date?: string;
  authors: string[];
}

/** Looks a paper up in PubMed/Europe PMC by DOI when the network allows (injected; may be absent). */
export type EnrichByDoi = (doi: string) => Promise<Paper | undefined>;

/**
 * An article page as a Paper: metadata from its citation/DC meta tags, main text from
 * Readability (not hand-written heuristics), cleaned and split into abstract and body.
 */
export function parseArticlePage(html: string, url: string, context: SourceContext): Paper | undefined {
  const { document } = parseHTML(html);
  const meta = pageMeta(document);
  const readable = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  const article = parseArticleText(readable?.content ?? readable?.textContent ?? '');
  const title = htmlToText(meta.title ?? readable?.title ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!title) return undefined;
  const urlIds = extractIdentifiers(url);
  const fullText = articleFullText(article);
  return buildPaper(
    {
      pmid: meta.pmid ?? urlIds.pmids[0],
      doi: meta.doi ?? urlIds.dois[0],
      title,
      abstract: article.abstract,
      fullText: fullText || undefined,
      authors: meta.authors.map(authorFromName),
      journal: meta.journal,
      publishedDate: isoDate(meta.date),
      url,
    },
    context,
    url,
  );
}

/**
 * Fetches and parses a pasted article URL; with `enrichByDoi`, PubMed's record (richer
 * metadata, structured abstract) is merged in by the ingest step as a second source.
 */
export async function fetchArticlePage(
  url: string,
  deps: { fetchBody: FetchBody; now: Date; enrichByDoi?: EnrichByDoi; signal?: AbortSignal },
): Promise<Paper[]> {
  const feedId = `page:${url}`;
  const response = await deps.fetchBody(url, {
    feedId,
    signal: deps.signal,
    accept: 'text/html,application/xhtml+xml',
  });
  const html = decodeFeedBody(response.body, response.contentType);
  const page = parseArticlePage(html, response.url, {
    kind: 'page',
    feedId,
    fetchedAt: deps.now.toISOString(),
  });
  if (!page) return [];
  const enriched =
    page.doi && deps.enrichByDoi ? await deps.enrichByDoi(page.doi).catch(() => undefined) : undefined;
  return enriched ? [page, enriched] : [page];
}

function pageMeta(document: { querySelectorAll(selector: string): Iterable<unknown> }): PageMeta {
  const values = new Map<string, string[]>();
  for (const element of document.querySelectorAll('meta[name], meta[property]')) {
    const meta = element as { getAttribute(name: string): string | null };
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (!name || !content) continue;
    values.set(name, [...(values.get(name) ?? []), content]);
  }
  const first = (...names: string[]) => names.map((name) => values.get(name)?.[0]).find(Boolean);
  const all = (...names: string[]) => names.flatMap((name) => values.get(name) ?? []);
  const identifiers = all('dc.identifier', 'dcterms.identifier').join(' ');
  return {
    title: first('citation_title', 'dc.title', 'dcterms.title', 'og:title'),
    doi: normalizeDoi(first('citation_doi', 'prism.doi') ?? '') ?? extractIdentifiers(identifiers).dois[0],
    pmid: parsePmid(first('citation_pmid') ?? '') ?? extractIdentifiers(identifiers).pmids[0],
    journal: first('citation_journal_title', 'prism.publicationname', 'dc.source'),
    date: first(
      'citation_publication_date',
      'citation_date',
      'citation_online_date',
      'dc.date',
      'dcterms.issued',
    ),
    authors:
      all('citation_author').length > 0 ? all('citation_author') : all('dc.creator', 'dcterms.creator'),
  };
}

function authorFromName(name: string): Author {
  if (name.includes(',')) {
    const [lastName = name, foreName] = name.split(',').map((part) => part.trim());
    return foreName ? { lastName, foreName } : { lastName };
  }
  const words = name.trim().split(/\s+/);
  return words.length > 1
    ? { lastName: words.at(-1), foreName: words.slice(0, -1).join(' ') }
    : { lastName: name };
}

/** "2017/11/01", "2017-11-01" or "2017" as ISO. */
function isoDate(raw: string | undefined): string | undefined {
  const match = raw ? /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?/.exec(raw.trim()) : null;
  if (!match?.[1]) return undefined;
  const parts = [match[1], match[2]?.padStart(2, '0'), match[3]?.padStart(2, '0')].filter(Boolean);
  return parts.join('-');
}
