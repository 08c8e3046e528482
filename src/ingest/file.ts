import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError, isTbdError } from '../errors.js';
import { parseArticlePage } from '../sources/article-page.js';
import { parseEuropePmcSearch } from '../sources/europepmc.js';
import { parseJatsArticle } from '../sources/jats/parse-article.js';
import type { SourceContext } from '../sources/paper.js';
import { parsePreprintDetails } from '../sources/preprints.js';
import { parsePubmedArticleSet } from '../sources/pubmed/parse-article.js';
import { isPubmedQa, parsePubmedQa } from '../sources/pubmedqa.js';
import { decodeFeedBody } from '../sources/rss/decode.js';
import { parseFeedText } from '../sources/rss/parse-feed.js';
import { parseTextFile } from '../sources/text-file.js';
import type { Paper } from '../types.js';

export type FileFormat =
  | 'pubmed-xml'
  | 'jats-xml'
  | 'feed'
  | 'preprints-json'
  | 'europepmc-json'
  | 'pubmedqa-json'
  | 'html'
  | 'text';

export interface FilePapers {
  format: FileFormat;
  papers: Paper[];
}

/** A JATS article (`.nxml`), or PMC's efetch wrapper around one, as its root element. */
const JATS_ROOT =
  /^(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:article|pmc-articleset)[\s>]/;
const FORMATS_HELP =
  'PubMed efetch XML, JATS full text (PMC .nxml), RSS/Atom/RDF, bioRxiv/medRxiv or Europe PMC JSON, PubMedQA JSON, an HTML article page or a .txt file';

/**
 * Papers from a saved file, whatever its format (detected from the content, not the name,
 * except that a .txt is always plain text). An unknown format is an InvalidInputError
 * listing the formats we read.
 */
export async function readPapersFromFile(file: string, options: { now?: Date } = {}): Promise<FilePapers> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new InvalidInputError(
      `Cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? 'unknown error'}.`,
    );
  }
  const fetchedAt = (options.now ?? new Date()).toISOString();
  const feedId = `file:${path.basename(file)}`;
  const context = (kind: SourceContext['kind']): SourceContext => ({ kind, feedId, fetchedAt });
  const text = decodeFeedBody(bytes);
  try {
    return detectAndParse(text, file, context);
  } catch (error) {
    if (error instanceof InvalidInputError || !isTbdError(error)) throw error;
    // "Feed file:x.xml sent malformed XML…" reads better as "x.xml sent malformed XML…".
    const name = path.basename(file);
    const message = error.userMessage.startsWith(`Feed ${feedId}`)
      ? `${name}${error.userMessage.slice(`Feed ${feedId}`.length)}`
      : `${name}: ${error.userMessage}`;
    throw new InvalidInputError(message);
  }
}

function detectAndParse(
  text: string,
  file: string,
  context: (kind: SourceContext['kind']) => SourceContext,
): FilePapers {
  const head = text.trimStart();
  if (path.extname(file).toLowerCase() === '.txt') return textFile(text, file, context('file'));
  if (head.startsWith('{') || head.startsWith('[')) return jsonFile(head, file, context);
  if (/<PubmedArticleSet[\s>]/.test(head.slice(0, 2000))) {
    return { format: 'pubmed-xml', papers: parsePubmedArticleSet(text, context('pubmed')) };
  }
  if (JATS_ROOT.test(head)) {
    const paper = parseJatsArticle(text, context('file'));
    return { format: 'jats-xml', papers: paper ? [paper] : [] };
  }
  if (/<eSearchResult[\s>]/.test(head.slice(0, 2000))) {
    throw new InvalidInputError(
      `${path.basename(file)} is a PubMed search result (ids only); save the efetch XML of those ids instead.`,
    );
  }
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<\?[^>]*>\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head)) {
    return { format: 'feed', papers: parseFeedText(text, context('rss')).papers };
  }
  if (/^(<!doctype\s+html|<html)/i.test(head)) {
    const page = parseArticlePage(text, `file://${path.resolve(file)}`, context('page'));
    return { format: 'html', papers: page ? [page] : [] };
  }
  throw unknownFormat(file);
}

function jsonFile(
  text: string,
  file: string,
  context: (kind: SourceContext['kind']) => SourceContext,
): FilePapers {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidInputError(`${path.basename(file)} looks like JSON but cannot be parsed.`);
  }
  if (json && typeof json === 'object' && 'resultList' in json) {
    return { format: 'europepmc-json', papers: parseEuropePmcSearch(text, context('europepmc')).papers };
  }
  if (json && typeof json === 'object' && 'collection' in json) {
    const server = /"server"\s*:\s*"medrxiv"/i.test(text) ? 'medrxiv' : 'biorxiv';
    return { format: 'preprints-json', papers: parsePreprintDetails(text, context(server)).papers };
  }
  if (isPubmedQa(json)) return { format: 'pubmedqa-json', papers: parsePubmedQa(json, context('pubmedqa')) };
  throw unknownFormat(file);
}

function textFile(text: string, file: string, context: SourceContext): FilePapers {
  const paper = parseTextFile(text, file, context);
  return { format: 'text', papers: paper ? [paper] : [] };
}

function unknownFormat(file: string): InvalidInputError {
  return new InvalidInputError(
    `${path.basename(file)} is not a format we can read. We read ${FORMATS_HELP}.`,
  );
}
