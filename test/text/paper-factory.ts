import { readFileSync } from 'node:fs';
import { articleFullText, parseArticleText } from '../../src/text/index.js';
import type { Paper } from '../../src/types.js';

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/text/${name}`, import.meta.url), 'utf8');
}

export function createPaper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: 't:fixture',
    title: '',
    abstract: [],
    authors: [],
    publicationTypes: [],
    mesh: [],
    keywords: [],
    nctIds: [],
    isPreprint: false,
    retracted: false,
    notices: [],
    sources: [],
    ingestedAt: '2026-11-25T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * The JMML reference case as a paper built from its scraped page. The page carries no title,
 * so the fixture's file name stands in for one rather than an invented title.
 */
export function jmmlPaper(): Paper {
  const article = parseArticleText(fixtureText('jmml-rapamycin-gvl-case-report.txt'));
  return createPaper({
    id: 't:jmml-fixture',
    title: 'jmml-rapamycin-gvl-case-report',
    abstract: article.abstract,
    fullText: articleFullText(article),
  });
}
