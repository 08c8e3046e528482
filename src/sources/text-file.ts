import path from 'node:path';
import { articleFullText, parseArticleText } from '../text/index.js';
import type { Paper } from '../types.js';
import { buildPaper, type SourceContext } from './paper.js';

/**
 * A saved article as plain text (like a page a clinician copied): cleaned, split into
 * abstract, highlights and body. Such a file has no title line, so the title is the file's
 * own name ("jmml-rapamycin-gvl-case-report.txt" → "jmml rapamycin gvl case report"); the
 * ingest step merges it with the same text arriving from a feed by its abstract.
 */
export function parseTextFile(text: string, fileName: string, context: SourceContext): Paper | undefined {
  const article = parseArticleText(text);
  if (article.abstract.length === 0 && !article.body) return undefined;
  const title = path
    .basename(fileName)
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  const fullText = articleFullText(article);
  return buildPaper(
    { title, abstract: article.abstract, fullText: fullText || undefined },
    context,
    `file://${path.resolve(fileName)}`,
  );
}
