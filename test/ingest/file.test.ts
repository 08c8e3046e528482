import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { readPapersFromFile } from '../../src/ingest/file.js';

const project = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
const sources = (relative: string) =>
  fileURLToPath(new URL(`../fixtures/sources/${relative}`, import.meta.url));

describe('readPapersFromFile', () => {
  it('detects each supported format from the content', async () => {
    const cases: Array<[string, string, number]> = [
      [sources('pubmed/metapub_pmid_33474827.xml'), 'pubmed-xml', 1],
      [sources('feeds/rssparser_rss-1.rss'), 'feed', 69],
      [sources('feeds/nodefeedparser_intertwingly.atom'), 'feed', 20],
      [sources('feeds/miniflux_biorxiv_bioengineering_rss1_whitespace.rdf'), 'feed', 1],
      [sources('europepmc/search-page1.json'), 'europepmc-json', 2],
      [sources('preprints/findpapers_medrxiv_details_sample_response.json'), 'preprints-json', 49],
      [project('fixtures/pages/jmml-rapamycin-gvl-case-report.txt'), 'text', 1],
    ];
    for (const [file, format, count] of cases) {
      const result = await readPapersFromFile(file);
      expect({ file, format: result.format, count: result.papers.length }).toEqual({ file, format, count });
    }
  });

  it('reads PubMedQA: CONTEXTS with labels plus LONG_ANSWER as CONCLUSIONS, the question as title, no yes/no label', async () => {
    const { format, papers } = await readPapersFromFile(project('fixtures/pubmedqa/ori_pqal.json'));
    expect(format).toBe('pubmedqa-json');
    expect(papers).toHaveLength(1000);
    const first = papers.find((paper) => paper.pmid === '21645374');
    expect(first?.title).toBe(
      'Do mitochondria play a role in remodelling lace plant leaves during programmed cell death?',
    );
    expect(first?.sources[0]?.kind).toBe('pubmedqa');
    expect(first?.abstract.at(-1)?.label).toBe('CONCLUSIONS');
    expect(first?.abstract[0]?.text).toMatch(/^Programmed cell death \(PCD\) is the regulated death/);
    expect(JSON.stringify(papers)).not.toMatch(/final_decision|"(yes|no|maybe)"/);
  });

  it('names the file and the formats it reads when the format is unknown', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tbd-file-'));
    const file = path.join(dir, 'notes.csv');
    writeFileSync(file, 'pmid,title\n1,x\n');
    const error = await readPapersFromFile(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(
      /^notes\.csv is not a format we can read\. We read PubMed efetch XML/,
    );
  });

  it('explains that an esearch result holds ids only', async () => {
    await expect(readPapersFromFile(sources('pubmed/biopython_Entrez_esearch1.xml'))).rejects.toThrow(
      /ids only/,
    );
  });

  it('turns a broken file into an InvalidInputError naming it', async () => {
    await expect(readPapersFromFile(sources('feeds/nodefeedparser_notafeed.html'))).resolves.toMatchObject({
      format: 'html',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'tbd-file-'));
    const file = path.join(dir, 'cut.xml');
    writeFileSync(file, '<?xml version="1.0"?><PubmedArticleSet><PubmedArticle><MedlineCitation>');
    await expect(readPapersFromFile(file)).rejects.toThrow(/^cut\.xml sent malformed XML/);
  });
});
