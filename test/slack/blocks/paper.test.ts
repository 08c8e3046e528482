import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { PAPER_ACTIONS, renderAbstractBlocks, renderPaperBlocks } from '../../../src/slack/blocks/paper.js';
import { jmmlCaseReport, pubmedQaPaper, SAMPLE_PMIDS } from '../../digest/fixture-papers.js';
import { jmmlSummary } from './digest-fixtures.js';

type Block = types.KnownBlock;

const sectionTexts = (blocks: Block[]) =>
  blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));

describe('renderPaperBlocks', () => {
  it('shows the takeaway, the key numbers with their sentences, links and an Abstract button', () => {
    const paper = pubmedQaPaper('27184293', { journal: 'Bone Marrow Transplantation' });
    const blocks = renderPaperBlocks(paper, jmmlSummary());
    const text = JSON.stringify(blocks);
    expect(text).toContain('*Key numbers*');
    expect(text).toContain('approaches 50% within 5 years');
    expect(text).toContain('https://pubmed.ncbi.nlm.nih.gov/27184293/');
    const actions = blocks.find((block) => block.type === 'actions');
    const button = actions?.type === 'actions' ? (actions.elements[0] as types.Button) : undefined;
    expect(button?.action_id).toBe(PAPER_ACTIONS.abstract);
    expect(JSON.parse(button?.value ?? '')).toEqual({ paperId: 'pmid:27184293' });
  });

  it('labels a retracted paper', () => {
    const blocks = renderPaperBlocks(jmmlCaseReport({ retracted: true }), jmmlSummary());
    expect(sectionTexts(blocks)[0]).toContain('RETRACTED');
  });
});

describe('renderAbstractBlocks', () => {
  it('splits a 10,000-character abstract into sections under 3000 characters without losing text', () => {
    // Real abstracts joined into one long section: the length is what matters here.
    const longText = SAMPLE_PMIDS.flatMap((pmid) => pubmedQaPaper(pmid).abstract.map((part) => part.text))
      .join(' ')
      .slice(0, 10_000);
    const paper = pubmedQaPaper('27184293', { abstract: [{ label: 'RESULTS', text: longText }] });
    const blocks = renderAbstractBlocks(paper);
    const sections = sectionTexts(blocks).slice(1);
    expect(sections.length).toBeGreaterThanOrEqual(4);
    for (const text of sectionTexts(blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const joined = sections.join(' ').replace(/^\*RESULTS\* /, '');
    expect(joined.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).toBe(longText.trim());
  });

  it('keeps structured abstract labels', () => {
    const blocks = renderAbstractBlocks(pubmedQaPaper('27184293'));
    expect(sectionTexts(blocks).some((text) => text.startsWith('*CONCLUSIONS* '))).toBe(true);
  });

  it('says so when no abstract is stored', () => {
    const blocks = renderAbstractBlocks(jmmlCaseReport({ abstract: [] }));
    expect(sectionTexts(blocks)).toContain('No abstract is stored for this paper.');
  });
});
