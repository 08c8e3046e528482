import { describe, expect, it } from 'vitest';
import { renderSearchResultsBlocks } from '../../../src/slack/blocks/search-results.js';
import { jmmlCaseReport, pubmedQaPaper } from '../../digest/fixture-papers.js';

describe('renderSearchResultsBlocks', () => {
  it('lists each paper with its study type, link and an Abstract button', () => {
    const hits = [
      { paper: jmmlCaseReport(), score: 12, exact: false },
      { paper: pubmedQaPaper('27184293', { retracted: true }), score: 8, exact: false },
    ];
    const blocks = renderSearchResultsBlocks('JMML relapse', hits);
    const json = JSON.stringify(blocks);
    expect(json).toContain('2 papers for');
    expect(json).toContain('case report');
    expect(json).toContain('https://pubmed.ncbi.nlm.nih.gov/27184293/');
    expect(json).toContain('RETRACTED');
    expect(blocks.filter((block) => block.type === 'section' && block.accessory)).toHaveLength(2);
  });

  it('escapes the query and says when nothing matched', () => {
    const blocks = renderSearchResultsBlocks('<!channel> zzz', []);
    const json = JSON.stringify(blocks);
    expect(json).toContain('No stored papers match');
    expect(json).not.toContain('<!channel>');
  });
});
