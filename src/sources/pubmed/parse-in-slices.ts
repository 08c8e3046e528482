import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Paper } from '../../types.js';
import type { SourceContext } from '../paper.js';
import { assertNoEntityDeclarations } from '../xml.js';
import { parsePubmedArticleSet } from './parse-article.js';

/** Articles parsed between two turns of the event loop: ~15–50 ms of work. */
const ARTICLES_PER_SLICE = 25;

const SET_OPENING = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>[]*>\s*)?<PubmedArticleSet>/;
const SET_CLOSING = /<\/PubmedArticleSet>\s*$/;
const ARTICLE = /<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g;

/**
 * `parsePubmedArticleSet` for an efetch page, without holding the event loop for the whole
 * parse: a 200-record page takes 100–400 ms, during which no timer fires, neither the NCBI
 * limiter's (a request released just before it leaves late and bunches up with the next ones,
 * which NCBI answers with 429) nor a Slack acknowledgement's. Articles are parsed a slice at a
 * time, with a turn of the event loop between slices. A page that is not a plain sequence of
 * `<PubmedArticle>` elements (books, deletions, anything unexpected) is parsed whole, so the
 * result and the errors are the same as `parsePubmedArticleSet`'s.
 */
export async function parsePubmedArticleSetInSlices(xml: string, context: SourceContext): Promise<Paper[]> {
  assertNoEntityDeclarations(xml, context.feedId);
  const articles = articlesOf(xml);
  if (!articles) return parsePubmedArticleSet(xml, context);
  const papers: Paper[] = [];
  for (let start = 0; start < articles.length; start += ARTICLES_PER_SLICE) {
    if (start > 0) await nextTurn();
    const slice = articles.slice(start, start + ARTICLES_PER_SLICE).join('');
    papers.push(...parsePubmedArticleSet(`<PubmedArticleSet>${slice}</PubmedArticleSet>`, context));
  }
  return papers;
}

/** The page's `<PubmedArticle>` elements, or undefined when anything but whitespace lies between them. */
export function articlesOf(xml: string): string[] | undefined {
  const opening = SET_OPENING.exec(xml);
  const closing = SET_CLOSING.exec(xml);
  if (!opening || !closing || closing.index < opening[0].length) return undefined;
  const body = xml.slice(opening[0].length, closing.index);
  const articles: string[] = [];
  let end = 0;
  for (const match of body.matchAll(ARTICLE)) {
    if (body.slice(end, match.index).trim()) return undefined;
    articles.push(match[0]);
    end = match.index + match[0].length;
  }
  return body.slice(end).trim() ? undefined : articles;
}
