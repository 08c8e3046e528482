import { describe, expect, it } from 'vitest';
import { searchableText } from '../../src/qa/corpus-terms.js';
import { liveQueriesFor } from '../../src/qa/live-query.js';
import { understandQuestion } from '../../src/qa/understand.js';
import { jmmlPaper, pubMedQaPaper, pubMedQaRecords, questionTerms } from './corpus.js';

function understood(question: string) {
  const papers = [
    jmmlPaper(),
    ...pubMedQaRecords()
      .slice(0, 40)
      .map(([pmid, r]) => pubMedQaPaper(pmid, r)),
  ];
  return understandQuestion(question, undefined, questionTerms(papers.map(searchableText)));
}

describe('liveQueriesFor', () => {
  it('searches the names and subjects a question asks about, with the MeSH heading the app knows, not its chat words', async () => {
    const [strict] = liveQueriesFor(
      await understood('hey what was the relapse rate after HSCT for JMML kids?'),
    );
    expect(strict?.pubmed).toContain('"Leukemia, Myelomonocytic, Juvenile"[mh]');
    expect(strict?.pubmed).toContain('"Hematopoietic Stem Cell Transplantation"[mh]');
    expect(strict?.pubmed).toMatch(/AND hasabstract\[text\] NOT \(comment\[pt\]/);
    expect(strict?.europePmc).toContain('MESH_HEADING:"Leukemia, Myelomonocytic, Juvenile"');
    expect(strict?.core).not.toMatch(/\bhey\b|\brate\b/);
  });

  it('keeps a drug no stored paper names, as typed, and relaxes to the most specific concepts by word stem', async () => {
    const queries = liveQueriesFor(
      await understood(
        'does sotorasib improve survival of patients with colorectal cancer metastases in the liver?',
      ),
    );
    expect(queries.map((query) => query.core)).toEqual([
      'sotorasib AND (metastases OR metastase OR metastasis) AND (colorectal OR colon) AND (liver OR hepatic OR livers)',
      'sotorasib AND metastas*',
    ]);
  });

  it('has nothing to search for when the message names nothing', async () => {
    expect(liveQueriesFor(await understood('ok so what do you think?'))).toEqual([]);
  });
});
