import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/errors.js';
import { parsePubmedArticleSet } from '../../../src/sources/pubmed/parse-article.js';
import { articlesOf, parsePubmedArticleSetInSlices } from '../../../src/sources/pubmed/parse-in-slices.js';

const CONTEXT = { kind: 'pubmed' as const, feedId: 'pubmed:test', fetchedAt: '2026-11-25T11:00:00.000Z' };
const FILES = [
  'findpapers_pubmed_efetch_response_50.xml',
  'biopython_Entrez_pubmed1.xml',
  'abridged_pmid_9500320_retracted.xml',
  'biopython_Entrez_title_with_html_tags.xml',
  'metapub_pmid_37909814.xml',
];

function fixture(file: string): string {
  return readFileSync(new URL(`../../fixtures/sources/pubmed/${file}`, import.meta.url), 'utf8');
}

describe('parsePubmedArticleSetInSlices', () => {
  it.each(FILES)('reads %s into the same papers as a whole parse', async (file) => {
    const xml = fixture(file);
    expect(await parsePubmedArticleSetInSlices(xml, CONTEXT)).toEqual(parsePubmedArticleSet(xml, CONTEXT));
  });

  it('splits an efetch page into its articles, so it is parsed a slice at a time', () => {
    expect(articlesOf(fixture('findpapers_pubmed_efetch_response_50.xml'))).toHaveLength(50);
    expect(articlesOf(fixture('metapub_pmid_37909814.xml'))).toEqual([]);
  });

  it('parses a page with anything besides articles whole, keeping its errors', async () => {
    const xml = fixture('biopython_Entrez_pubmed1.xml');
    const truncated = xml.slice(0, Math.floor(xml.length / 2));
    expect(articlesOf(truncated)).toBeUndefined();
    await expect(parsePubmedArticleSetInSlices(truncated, CONTEXT)).rejects.toThrow(/malformed XML/);
    const withComment = xml.replace('</PubmedArticle>', '</PubmedArticle><!-- x -->');
    expect(articlesOf(withComment)).toBeUndefined();
  });

  it('reports a broken article inside a page as malformed', async () => {
    const xml = fixture('findpapers_pubmed_efetch_response_50.xml');
    const broken = xml.replace('</ArticleTitle>', '');
    await expect(parsePubmedArticleSetInSlices(broken, CONTEXT)).rejects.toThrow(FeedError);
    await expect(parsePubmedArticleSetInSlices(broken, CONTEXT)).rejects.toThrow(/malformed XML/);
  });

  it('refuses a page that declares its own entities', async () => {
    const xml = fixture('biopython_Entrez_pubmed1.xml').replace(
      '<PubmedArticleSet>',
      '<!DOCTYPE x [<!ENTITY lol "lol">]><PubmedArticleSet>',
    );
    await expect(parsePubmedArticleSetInSlices(xml, CONTEXT)).rejects.toThrow(
      /declares its own XML entities/,
    );
  });
});
