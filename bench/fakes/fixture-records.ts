import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEuropePmcSearch } from '../../src/sources/europepmc.js';
import { parseJatsArticle } from '../../src/sources/jats/parse-article.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import type { Paper } from '../../src/types.js';
import type { SearchableRecord } from './fake-query.js';

/**
 * The real payloads the loopback fakes of PubMed and Europe PMC serve: every PubmedArticle of
 * the efetch fixtures, every record of the Europe PMC `core` fixtures, and the JATS full texts,
 * each with the fields the fakes search on.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_DIRS = {
  pubmed: path.join(ROOT, 'test/fixtures/sources/pubmed'),
  europePmc: path.join(ROOT, 'test/fixtures/sources/europepmc'),
  fullText: [path.join(ROOT, 'test/fixtures/sources/fulltext')],
};
const CONTEXT = { kind: 'file' as const, feedId: 'fake', fetchedAt: '2026-01-01T00:00:00.000Z' };

export interface PubmedFixtureRecord extends SearchableRecord {
  pmid: string;
  /** The `<PubmedArticle>` element exactly as the fixture file has it. */
  xml: string;
}

export interface EuropePmcFixtureRecord extends SearchableRecord {
  /** The `result` object exactly as the fixture file has it. */
  json: unknown;
}

/** Every PubmedArticle of the efetch fixtures, once per PMID. */
export function pubmedFixtureRecords(dir = FIXTURE_DIRS.pubmed): PubmedFixtureRecord[] {
  const records = new Map<string, PubmedFixtureRecord>();
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    if (!text.includes('<PubmedArticleSet')) continue;
    for (const xml of text.match(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g) ?? []) {
      const [paper] = parsePubmedArticleSet(`<PubmedArticleSet>${xml}</PubmedArticleSet>`, CONTEXT);
      if (paper?.pmid && !records.has(paper.pmid)) {
        records.set(paper.pmid, { ...searchable(paper), pmid: paper.pmid, xml });
      }
    }
  }
  return [...records.values()];
}

/** Every record of the Europe PMC `resultType=core` fixtures, once per id. */
export function europePmcFixtureRecords(dir = FIXTURE_DIRS.europePmc): EuropePmcFixtureRecord[] {
  const records = new Map<string, EuropePmcFixtureRecord>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue;
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      resultList?: { result?: Array<{ id?: string; source?: string }> };
    };
    for (const result of json.resultList?.result ?? []) {
      const key = `${result.source}:${result.id}`;
      const [paper] = parseEuropePmcSearch(
        JSON.stringify({ resultList: { result: [result] } }),
        CONTEXT,
      ).papers;
      if (paper && !records.has(key))
        records.set(key, { ...searchable(paper), source: result.source, json: result });
    }
  }
  return [...records.values()];
}

/**
 * The PubMed fixtures as Europe PMC serves them: Europe PMC indexes all of PubMed (source MED),
 * so the fake Europe PMC holds what the fake PubMed holds too. Each record is converted field
 * by field into the `resultType=core` shape (no field is invented; absent ones stay absent).
 */
export function europePmcMirrorOf(records: PubmedFixtureRecord[]): EuropePmcFixtureRecord[] {
  return records.map((record) => {
    const [paper] = parsePubmedArticleSet(`<PubmedArticleSet>${record.xml}</PubmedArticleSet>`, CONTEXT);
    const p = paper as Paper;
    const escapeHtml = (text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const json = {
      id: p.pmid,
      source: 'MED',
      pmid: p.pmid,
      ...(p.pmcid ? { pmcid: p.pmcid } : {}),
      ...(p.doi ? { doi: p.doi } : {}),
      title: p.title,
      authorList: {
        author: p.authors.map((author) =>
          author.collective
            ? { collectiveName: author.collective }
            : { lastName: author.lastName, firstName: author.foreName, initials: author.initials },
        ),
      },
      ...(p.journal ? { journalInfo: { journal: { title: p.journal } } } : {}),
      ...(p.publishedDate
        ? { firstPublicationDate: p.publishedDate, pubYear: p.publishedDate.slice(0, 4) }
        : {}),
      abstractText: p.abstract
        .map(
          (section) =>
            (section.label ? `<h4>${escapeHtml(section.label)}</h4>` : '') + escapeHtml(section.text),
        )
        .join(''),
      pubTypeList: { pubType: p.publicationTypes },
      meshHeadingList: { meshHeading: p.mesh.map((descriptorName) => ({ descriptorName })) },
      keywordList: { keyword: p.keywords },
    };
    return { ...searchable(p), source: 'MED', json };
  });
}

/** The JATS full texts by PMCID ("PMC3574550"), and each article's front matter as a paper. */
export function fullTextFixtures(dirs = FIXTURE_DIRS.fullText): Map<string, { xml: string; paper: Paper }> {
  const texts = new Map<string, { xml: string; paper: Paper }>();
  for (const dir of dirs) {
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.nxml')) continue;
      const xml = readFileSync(path.join(dir, file), 'utf8');
      const paper = parseJatsArticle(xml, CONTEXT);
      if (paper?.pmcid) texts.set(paper.pmcid, { xml, paper });
    }
  }
  return texts;
}

function searchable(paper: Paper): SearchableRecord {
  return {
    title: paper.title,
    abstract: paper.abstract.map((section) => section.text).join(' '),
    mesh: paper.mesh,
    keywords: paper.keywords,
    publicationTypes: paper.publicationTypes,
    pmid: paper.pmid,
    pmcid: paper.pmcid,
    doi: paper.doi,
  };
}
