import { describe, expect, it } from 'vitest';
import { parseTopic } from '../../src/digest/profile.js';
import { compileTopicSources } from '../../src/digest/topic-queries.js';
import { meshInWords, topicInWords } from '../../src/digest/topic-words.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const compile = (topics: string[], includePreprints = false) =>
  compileTopicSources({ topics: topics.map(parseTopic), includePreprints, feeds: [] }, NOW);

describe('compileTopicSources', () => {
  it('writes a MeSH heading as [mh] with its entry terms as [tiab], without editorials or letters', () => {
    const [pubmed] = compile(['mesh:"Leukemia, Myelomonocytic, Juvenile"']);
    expect(pubmed?.kind).toBe('pubmed');
    expect(pubmed?.target).toBe(
      '(("Leukemia, Myelomonocytic, Juvenile"[mh] OR "juvenile myelomonocytic leukemia"[tiab] OR "JMML"[tiab])) NOT ("editorial"[pt] OR "comment"[pt] OR "letter"[pt] OR "news"[pt] OR "published erratum"[pt] OR "preprint"[pt])',
    );
    expect(pubmed?.label).toBe(
      'PubMed: Juvenile myelomonocytic leukemia (MeSH); no editorials, comments or letters',
    );
  });

  it('maps free text to its MeSH heading, keeps children as a separate condition, excludes journals', () => {
    const [pubmed, europePmc] = compile([
      'breast cancer',
      'pediatric brain tumors',
      '-journal:"Cancer Cell"',
    ]);
    expect(pubmed?.target).toContain('("breast cancer"[tiab] OR "Breast Neoplasms"[mh])');
    expect(pubmed?.target).toContain('AND ("Child"[mh] OR "Infant"[mh] OR "Adolescent"[mh]');
    expect(pubmed?.target).toContain('NOT "Cancer Cell"[ta]');
    expect(europePmc?.target).toContain('MESH_HEADING:"Breast Neoplasms"');
    expect(europePmc?.target).toContain('NOT JOURNAL:"Cancer Cell"');
  });

  it('adds Europe PMC preprints and the preprint servers only when the channel wants preprints', () => {
    expect(compile(['lymphoma']).map((feed) => feed.kind)).toEqual(['pubmed', 'europepmc']);
    const withPreprints = compile(['lymphoma'], true);
    expect(withPreprints.find((feed) => feed.kind === 'europepmc')?.target).toContain('(SRC:MED OR SRC:PPR)');
    expect(withPreprints.map((feed) => `${feed.kind}:${feed.target}`)).toEqual(
      expect.arrayContaining(['medrxiv:oncology', 'biorxiv:cancer biology', 'medrxiv:hematology']),
    );
  });

  it('compiles nothing for a channel that only excludes journals', () => {
    expect(compile(['-journal:"Cancer Cell"'])).toEqual([]);
  });
});

describe('topics in plain words', () => {
  it('reads MeSH headings as a person writes them, eponyms kept', () => {
    expect(topicInWords(parseTopic('mesh:"Leukemia, Myelomonocytic, Juvenile"'))).toBe(
      'Juvenile myelomonocytic leukemia (MeSH)',
    );
    expect(meshInWords('Carcinoma, Non-Small-Cell Lung')).toBe('Non-small-cell lung carcinoma');
    expect(meshInWords('Hodgkin Disease')).toBe('Hodgkin disease');
    expect(topicInWords(parseTopic('-journal:"Cancer Cell"'))).toBe('not journal Cancer Cell');
  });
});
