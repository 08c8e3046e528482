import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchArticlePage, parseArticlePage } from '../../src/sources/article-page.js';
import { fetchBody } from '../../src/sources/http.js';
import { parseTextFile } from '../../src/sources/text-file.js';
import type { Paper } from '../../src/types.js';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.js';

const SEED = readFileSync(
  new URL('../../fixtures/pages/jmml-rapamycin-gvl-case-report.txt', import.meta.url),
  'utf8',
);
const CONTEXT = { kind: 'page' as const, feedId: 'page:test', fetchedAt: '2026-11-25T11:00:00.000Z' };

/**
 * A publisher-style page: Highwire/Dublin Core meta tags carrying the real metadata of PMID
 * 27797938 (biopython_Entrez_pubmed4.xml), navigation chrome, and an article body made of the
 * JMML seed's real page text. Only the HTML wrapper is ours.
 */
function page(): string {
  const paragraphs = SEED.split(/\n\s*\n/)
    .map((block) => `<p>${block.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html><head>
<title>Leucocyte telomere length | Gut</title>
<meta name="citation_title" content="Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.">
<meta name="citation_doi" content="10.1136/gutjnl-2016-312510">
<meta name="citation_pmid" content="27797938">
<meta name="citation_journal_title" content="Gut">
<meta name="citation_publication_date" content="2017/11/01">
<meta name="citation_author" content="Bao, Ying">
<meta name="citation_author" content="Prescott, Jennifer">
<meta name="dc.identifier" content="doi:10.1136/gutjnl-2016-312510">
</head><body>
<nav><a href="/">Home</a> <a href="/subscribe">Subscribe</a> <a href="/login">Log in</a></nav>
<article><h1>Article</h1>${paragraphs}</article>
<footer>Cookie settings · Privacy · Terms</footer>
</body></html>`;
}

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('parseArticlePage', () => {
  it('reads citation_* meta tags and the main text through Readability, cleaned', () => {
    const paper = parseArticlePage(page(), 'https://gut.bmj.com/content/66/11/1918', CONTEXT) as Paper;
    expect(paper).toMatchObject({
      id: 'pmid:27797938',
      pmid: '27797938',
      doi: '10.1136/gutjnl-2016-312510',
      journal: 'Gut',
      publishedDate: '2017-11-01',
      title:
        'Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.',
    });
    expect(paper.authors).toEqual([
      { lastName: 'Bao', foreName: 'Ying' },
      { lastName: 'Prescott', foreName: 'Jennifer' },
    ]);
    expect(paper.abstract[0]?.text).toMatch(
      /^The relapse rate for children with juvenile myelomonocytic leukemia/,
    );
    expect(paper.fullText).not.toMatch(/Talk to us|Schedule a call|Read more|Subscribe/);
    // The seed repeats its introduction; the cleaned text keeps one copy.
    expect(paper.fullText?.match(/rare myeloproliferative disorder/g)).toHaveLength(1);
  });
});

describe('fetchArticlePage', () => {
  it('fetches a pasted URL and adds the PubMed record found by its DOI', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page());
    });
    const asked: string[] = [];
    const papers = await fetchArticlePage(`${server.url}/content/66/11/1918`, {
      now: new Date('2026-11-25T11:00:00Z'),
      fetchBody: (url, request) =>
        fetchBody(url, { ...request, timeoutMs: 5000, maxBytes: 1e6, allowPrivateUrls: true }),
      enrichByDoi: async (doi) => {
        asked.push(doi);
        return undefined;
      },
    });
    expect(asked).toEqual(['10.1136/gutjnl-2016-312510']);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.sources[0]).toMatchObject({ kind: 'page', url: `${server.url}/content/66/11/1918` });
  });
});

describe('parseTextFile', () => {
  it('reads the JMML seed: abstract, highlights and body, boilerplate and repeats removed, title from the file name', () => {
    const paper = parseTextFile(SEED, 'fixtures/pages/jmml-rapamycin-gvl-case-report.txt', {
      kind: 'file',
      feedId: 'file:seed',
      fetchedAt: '2026-11-25T11:00:00.000Z',
    }) as Paper;
    expect(paper.title).toBe('jmml rapamycin gvl case report');
    expect(paper.abstract).toHaveLength(1);
    expect(paper.abstract[0]?.text).toContain('approaches 50% within 5 years');
    expect(paper.fullText).toContain('withdrawal of immunosuppression and initiation of rapamycin');
    expect(paper.fullText).not.toMatch(/Talk to us|Schedule a call|Read more|Full Text/);
    expect(paper.pmid ?? paper.doi).toBeUndefined();
  });
});
