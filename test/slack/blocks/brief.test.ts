import { describe, expect, it } from 'vitest';
import type { Brief, BriefPaper, CaseBrief } from '../../../src/board/brief.js';
import { parseCaseLine } from '../../../src/board/case-line.js';
import { renderBriefBlocks } from '../../../src/slack/blocks/brief.js';
import type { ItemSummary } from '../../../src/types.js';
import { emptyPaper } from '../../board/fixture-corpus.js';
import { createSummary } from '../../factories/digest.js';

const SUMMARY: ItemSummary = createSummary({
  headline: 'h',
  takeaway: 'Pretreatment HRQOL was an independent prognostic factor.',
  studyType: 'cohort',
  evidence: 'moderate',
});

function paper(pmid: string, title: string): BriefPaper {
  return {
    paperId: `pmid:${pmid}`,
    paper: { ...emptyPaper(`pmid:${pmid}`, title), pmid },
    summary: SUMMARY,
    matches: ['NSCLC'],
    quote: 'Pretreatment HRQOL was measured in 391 advanced NSCLC patients <b>',
    quoteBasis: 'abstract',
    origin: 'corpus',
    score: 4,
  };
}

function caseBrief(position: number, papers: BriefPaper[]): CaseBrief {
  const line = 'stage IV NSCLC <!channel> & EGFR exon 19';
  return { position, line, profile: parseCaseLine(line), papers, trials: [], notes: [] };
}

const brief = (cases: CaseBrief[]): Brief => ({
  id: 'C1:board-2026-12-03',
  channelId: 'C1',
  meetingAt: '2026-12-03T22:00:00.000Z',
  generatedAt: '2026-12-02T22:00:00.000Z',
  cases,
});

describe('renderBriefBlocks', () => {
  it('shows the meeting day, each case line escaped, and each paper with study type, matches, link and quote', () => {
    const rendered = renderBriefBlocks(
      brief([caseBrief(1, [paper('16968876', 'Is HRQOL prognostic in NSCLC?')])]),
      'America/Chicago',
    );
    const json = JSON.stringify(rendered.messages);
    expect(rendered.text).toBe('Tumor board prep · Thu, Dec 3: 1 case');
    expect(json).toContain('&lt;!channel&gt; &amp; EGFR exon 19');
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('<https://pubmed.ncbi.nlm.nih.gov/16968876/|Is HRQOL prognostic in NSCLC?>');
    expect(json).toContain('cohort study · matches: NSCLC');
    expect(json).toContain('391 advanced NSCLC patients &lt;b&gt;');
  });

  it('moves whole cases to thread replies so no message passes 50 blocks', () => {
    const cases = Array.from({ length: 12 }, (_, index) =>
      caseBrief(
        index + 1,
        Array.from({ length: 5 }, (_, n) => paper(String(1000 + index * 10 + n), `Paper ${n}`)),
      ),
    );
    const rendered = renderBriefBlocks(brief(cases), 'UTC');
    expect(rendered.messages.length).toBeGreaterThan(1);
    for (const message of rendered.messages) expect(message.length).toBeLessThanOrEqual(50);
    const sections = rendered.messages.flat().filter((block) => JSON.stringify(block).includes('*Case '));
    expect(sections).toHaveLength(12);
  });
});
