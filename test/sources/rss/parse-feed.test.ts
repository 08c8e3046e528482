import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/errors.js';
import { decodeFeedBody } from '../../../src/sources/rss/decode.js';
import { parseFeedText } from '../../../src/sources/rss/parse-feed.js';

const CONTEXT = { kind: 'rss' as const, feedId: 'rss:test', fetchedAt: '2026-11-25T11:00:00.000Z' };

function parse(file: string) {
  const bytes = readFileSync(new URL(`../../fixtures/sources/feeds/${file}`, import.meta.url));
  return parseFeedText(decodeFeedBody(bytes), CONTEXT);
}

function failure(file: string): FeedError {
  try {
    parse(file);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error(`${file} parsed without error`);
}

describe('parseFeedText', () => {
  it('reads a bioRxiv RSS 1.0 item: CDATA title trimmed, DOI from dc:identifier, "Last, I." creators', () => {
    const feed = parse('miniflux_biorxiv_bioengineering_rss1_whitespace.rdf');
    expect(feed.format).toBe('rdf');
    const [paper] = feed.papers;
    expect(paper).toMatchObject({
      id: 'doi:10.1101/857789',
      doi: '10.1101/857789',
      title:
        'Microscale Collagen and Fibroblast Interactions Enhance Primary Human Hepatocyte Functions in 3-Dimensional Models',
      url: 'http://biorxiv.org/cgi/content/short/857789v1?rss=1',
      publishedDate: '2019-11-29',
      isPreprint: true,
    });
    expect(paper?.authors.map((a) => a.lastName)).toEqual(['Kukla', 'Crampton', 'Wood', 'Khetani']);
    expect(paper?.abstract[0]?.text).toMatch(/^Human liver models that are 3-dimensional/);
  });

  it('reads a journal RSS 1.0 feed with info:doi identifiers (Science)', () => {
    const feed = parse('rssparser_rss-1.rss');
    expect(feed.papers).toHaveLength(69);
    expect(feed.papers[0]).toMatchObject({ doi: '10.1126/science.356.6343.1134-a', title: 'Food for fungi' });
    expect(feed.papers[0]?.authors[0]).toEqual({ lastName: 'Hines', initials: 'PJ' });
  });

  it('reads RSS 2.0 with HTML entities and markup in descriptions', () => {
    const feed = parse('nodefeedparser_rss2sample.xml');
    expect(feed.papers.map((p) => p.title)).toContain('Star City');
    expect(feed.papers[0]?.abstract[0]?.text).not.toMatch(/<a |&quot;/);
  });

  it('prefers content:encoded over a shorter description', () => {
    const paper = parse('rssparser_content-encoded.rss').papers[0];
    expect(paper?.fullText).toContain('VOLUNTEERING AT THE SOIL SEED BANK');
  });

  it('decodes the encoding the prolog declares (windows-1251, ISO-8859-1)', () => {
    expect(parse('nodefeedparser_iconv.xml').title).toBe('Новости Оренбурга и области / Раздел Новости');
    expect(parse('rssparser_encoding.rss').title).toBe('Jornal de Notícias - Últimas Notícias');
    expect(parse('rssparser_heraldsun.rss').papers).toHaveLength(2);
  });

  it('reads undeclared Latin-1 bytes as Windows-1252', () => {
    expect(parse('rssparser_uolNoticias.rss').papers[0]?.title).toBe(
      'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
    );
  });

  it('gunzips a saved gzipped feed and drops characters XML forbids', () => {
    expect(parse('nodefeedparser_invalid-characters-gzipped.xml.gz').papers).toHaveLength(25);
  });

  it('reads Atom feeds, including XHTML content and an Atom body served as .rss', () => {
    expect(parse('nodefeedparser_intertwingly.atom').papers).toHaveLength(20);
    expect(parse('rssparser_heise.atom').papers).toHaveLength(15);
    expect(parse('rssparser_reddit-atom.rss').papers).toHaveLength(24);
    expect(parse('nodefeedparser_nondefaultnamespace-xhtml.atom').papers).toHaveLength(1);
    expect(parse('nodefeedparser_unknown-namespace.atom').papers).toHaveLength(1);
  });

  it('skips entries without a title instead of inventing one', () => {
    expect(parse('rssparser_incomplete-fields.atom').papers).toEqual([]);
    expect(parse('rssparser_missing-fields.atom').papers).toEqual([]);
  });

  it('resolves relative item links against the feed link', () => {
    expect(parse('nodefeedparser_rss-with-relative-html-urls.xml').papers[0]?.url).toBe(
      'https://example.com/posts/post-1',
    );
  });

  it('keeps the good items of a feed with one unescaped & and of illegally nested markup', () => {
    expect(parse('nodefeedparser_saxerror.xml').papers.map((p) => p.title)).toContain('Good Item');
    expect(parse('nodefeedparser_illegally-nested.xml').papers).toHaveLength(10);
  });

  it('gives one record per item even when guids repeat', () => {
    expect(parse('nodefeedparser_guid-dupes.xml').papers.length).toBeGreaterThan(0);
    expect(parse('nodefeedparser_wapowellness.xml').papers).toHaveLength(29);
  });

  it('takes the journal from dc:source, never from the feed title', () => {
    const project = (name: string) =>
      parseFeedText(
        decodeFeedBody(readFileSync(new URL(`../../../fixtures/feeds/${name}`, import.meta.url))),
        CONTEXT,
      );
    const [caseReport] = project('case-reports.rss').papers;
    expect(caseReport?.journal).toBeUndefined();
    expect(caseReport?.title).toBe(
      'Case report: rapamycin and graft-versus-leukemia in JMML relapse after HSCT',
    );
    const [tert] = project('pubmed-oncology.rss').papers;
    expect(tert).toMatchObject({ journal: 'Gut', pmid: '27797938', doi: '10.1136/gutjnl-2016-312510' });
    expect(parse('nodefeedparser_rss2sample.xml').papers[0]?.journal).toBeUndefined();
  });

  it('says an HTML page is not a feed', () => {
    expect(failure('nodefeedparser_notafeed.html').userMessage).toBe(
      'Feed rss:test is a web page, not a feed (RSS, Atom or RDF).',
    );
    expect(failure('rssparser_unrecognized.rss').userMessage).toMatch(/is a web page, not a feed/);
  });

  it('reports malformed XML as a FeedError, not a crash', () => {
    expect(() => parseFeedText('<rss version="2.0"><channel><title>T</title></channel>', CONTEXT)).toThrow(
      /malformed XML/,
    );
    expect(() => parseFeedText('plain text body', CONTEXT)).toThrow(/is not a feed/);
  });

  it('refuses a feed that declares entities (expansion bomb)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`;
    expect(() => parseFeedText(bomb, CONTEXT)).toThrow(/declares its own XML entities/);
  });
});
