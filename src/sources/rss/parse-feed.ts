import { XMLValidator } from 'fast-xml-parser';
import { type AnyFeed, DetectError, parseFeed } from 'feedsmith';
import { FeedError } from '../../errors.js';
import type { Paper } from '../../types.js';
import type { SourceContext } from '../paper.js';
import { assertNoEntityDeclarations } from '../xml.js';
import { type FeedEntry, paperFromEntry } from './entry-to-paper.js';

const HTML_PAGE = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html|<head|<body)/i;

/** The parsed feed's title and every item that became a paper (items without a title are skipped). */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title?: string;
  papers: Paper[];
}

/**
 * RSS 2.0/0.9x, Atom and RSS 1.0 (RDF) to papers, with the feed library doing the format
 * work. Not-a-feed (an HTML page) and unreadable XML are FeedErrors whose message says so.
 */
export function parseFeedText(text: string, context: SourceContext, feedUrl?: string): ParsedFeed {
  assertNoEntityDeclarations(text, context.feedId);
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(text);
  } catch (cause) {
    throw notAFeed(text, context.feedId, cause);
  }
  const entries: FeedEntry[] = [];
  let title: string | undefined;
  let baseUrl = feedUrl;
  let feedJournal: string | undefined;
  if (parsed.format === 'atom') {
    title = textValue(parsed.feed.title);
    for (const entry of parsed.feed.entries ?? []) {
      entries.push({
        title: textValue(entry.title),
        link:
          entry.links?.find((link) => !link.rel || link.rel === 'alternate')?.href ?? entry.links?.[0]?.href,
        guid: entry.id,
        html: textValue(entry.content) ?? textValue(entry.summary),
        authors: (entry.authors ?? []).map((author) => author.name ?? '').filter(Boolean),
        date: entry.published ?? entry.updated,
        dc: entry.dc,
      });
    }
  } else if (parsed.format === 'json') {
    throw notAFeed(text, context.feedId);
  } else {
    title = parsed.feed.title ?? undefined;
    baseUrl = feedUrl ?? parsed.feed.link ?? undefined;
    feedJournal = (parsed.feed as { prism?: { publicationName?: string } }).prism?.publicationName;
    for (const item of parsed.feed.items ?? []) {
      const rssItem = item as typeof item & {
        guid?: { value?: string };
        pubDate?: string;
        authors?: Array<{ name?: string; email?: string }>;
        prism?: { doi?: string; publicationName?: string; publicationDate?: string };
      };
      const encoded = item.content?.encoded;
      entries.push({
        title: item.title,
        link: item.link,
        guid: rssItem.guid?.value,
        html: encoded && encoded.length > (item.description?.length ?? 0) ? encoded : item.description,
        authors: (rssItem.authors ?? []).map((author) => author.name ?? author.email ?? '').filter(Boolean),
        date: rssItem.pubDate ?? rssItem.prism?.publicationDate,
        dc: item.dc,
        prismDoi: rssItem.prism?.doi,
        journal: rssItem.prism?.publicationName,
      });
    }
  }
  // The feed library reads past small errors (an unescaped & in one link); when nothing at all
  // could be read from an invalid document, say it is malformed rather than "empty".
  if (entries.length === 0 && XMLValidator.validate(text) !== true) {
    throw new FeedError(
      context.feedId,
      `Feed ${context.feedId} sent malformed XML; no items could be read.`,
      {
        retryable: false,
      },
    );
  }
  const papers = entries.flatMap((entry) => {
    const paper = paperFromEntry(entry, { context, feedJournal, baseUrl });
    return paper ? [paper] : [];
  });
  return { format: parsed.format, title, papers };
}

function notAFeed(text: string, feedId: string, cause?: unknown): FeedError {
  if (HTML_PAGE.test(text)) {
    return new FeedError(feedId, `Feed ${feedId} is a web page, not a feed (RSS, Atom or RDF).`, {
      cause,
      retryable: false,
    });
  }
  if (cause instanceof DetectError || !text.trimStart().startsWith('<')) {
    return new FeedError(feedId, `Feed ${feedId} is not a feed: no RSS, Atom or RDF document was found.`, {
      cause,
      retryable: false,
    });
  }
  return new FeedError(feedId, `Feed ${feedId} sent malformed XML; no items could be read.`, {
    cause,
    retryable: false,
  });
}

/** Atom text constructs may come as a string or as `{ value }`. */
function textValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) {
    const inner = (value as { value?: unknown }).value;
    return typeof inner === 'string' ? inner : undefined;
  }
  return undefined;
}
