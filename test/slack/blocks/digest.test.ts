import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { demoProfile } from '../../../src/digest/profile.js';
import {
  DIGEST_ACTIONS,
  renderDigestBlocks,
  renderEmptyDigestLine,
} from '../../../src/slack/blocks/digest.js';
import { pubmedQaPaper } from '../../digest/fixture-papers.js';
import { digestOf, jmmlItem, jmmlSummary } from './digest-fixtures.js';

type Block = types.KnownBlock;

const INJECTION = 'Relapse <!channel> <@U123> <https://evil.example|click> @here';

function texts(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section') return [block.text?.text ?? ''];
    if (block.type === 'context')
      return block.elements.map((element) => ('text' in element ? element.text : ''));
    if (block.type === 'header') return [block.text.text];
    return [];
  });
}

function buttons(blocks: Block[]) {
  return blocks.flatMap((block) => (block.type === 'actions' ? block.elements : [])) as types.Button[];
}

describe('renderDigestBlocks', () => {
  it('renders an item as headline, study type, evidence, takeaway and why it matters', () => {
    const digest = digestOf([
      jmmlItem({
        summary: jmmlSummary({
          whyItMatters: 'a low-toxicity salvage option to discuss for post-transplant relapse.',
        }),
      }),
    ]);
    const { blocks, overflow, text } = renderDigestBlocks(digest, { channelName: 'heme-malignancies' });
    const all = texts(blocks).join('\n');
    expect(all).toContain(
      '*Rapamycin + GVL after JMML relapse post-HSCT* · case report (n=1) · evidence: low',
    );
    expect(all).toContain('approaches 50% within 5 years');
    expect(all).toContain('_Why it matters:_ a low-toxicity salvage option');
    expect(overflow).toEqual([]);
    expect(text).toContain('#heme-malignancies');
  });

  it('puts the stored title, year and PubMed link built from the PMID in the context line', () => {
    const paper = pubmedQaPaper('27184293');
    const item = jmmlItem({
      paperId: paper.id,
      title: paper.title,
      pmid: paper.pmid,
      url: 'https://pubmed.ncbi.nlm.nih.gov/27184293/',
      publishedDate: paper.publishedDate,
      summary: jmmlSummary({
        headline: 'Microbial contamination and HCT outcomes',
        studyType: 'cohort',
        sampleSize: undefined,
      }),
    });
    const context = texts(renderDigestBlocks(digestOf([item])).blocks).find((line) => line.includes('PMID'));
    expect(context).toBe(
      '<https://pubmed.ncbi.nlm.nih.gov/27184293/|Does microbial contamination influence the success of the hematopoietic cell transplantation outcomes?>\n2016 · cohort study · <https://pubmed.ncbi.nlm.nih.gov/27184293/|PMID 27184293>',
    );
  });

  it('gives each item the four buttons, each carrying the digest and paper ids', () => {
    const { blocks } = renderDigestBlocks(digestOf([jmmlItem()]));
    const found = buttons(blocks);
    expect(found.map((button) => button.action_id)).toEqual([
      DIGEST_ACTIONS.abstract,
      DIGEST_ACTIONS.relevant,
      DIGEST_ACTIONS.notRelevant,
      DIGEST_ACTIONS.ask,
    ]);
    expect(found.map((button) => button.text.text)).toEqual([
      'Abstract',
      'Relevant',
      'Not relevant',
      'Ask about this',
    ]);
    for (const button of found) {
      expect(JSON.parse(button.value ?? '')).toEqual({
        digestId: 'C0HEME:2026-W48',
        paperId: 't:jmml-rapamycin-gvl',
      });
    }
  });

  it('labels retracted papers and preprints', () => {
    const { blocks } = renderDigestBlocks(digestOf([jmmlItem({ labels: ['retracted', 'preprint'] })]));
    const all = texts(blocks).join('\n');
    expect(all).toContain('RETRACTED');
    expect(all).toContain('Preprint — not peer reviewed');
  });

  it('renders mentions and links hidden in a feed title, headline or takeaway harmless', () => {
    const item = jmmlItem({
      title: INJECTION,
      url: 'https://www.example.org/case-report',
      summary: jmmlSummary({ headline: INJECTION, takeaway: INJECTION, whyItMatters: INJECTION }),
    });
    const rendered = renderDigestBlocks({ ...digestOf([item]), intro: INJECTION });
    const json = JSON.stringify(rendered);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U123>');
    expect(json).not.toContain('<https://evil');
    expect(json).not.toMatch(/(?<!\u2060)@here/);
    expect(texts(rendered.blocks).join('\n')).toContain('&lt;!channel&gt;');
  });

  it('keeps 60 items within 50 blocks per message, sending the rest to the thread overflow', () => {
    const items = Array.from({ length: 60 }, (_, index) => jmmlItem({ paperId: `t:paper-${index}` }));
    const { blocks, overflow } = renderDigestBlocks(digestOf(items));
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(overflow.length).toBeGreaterThan(0);
    expect(overflow.length).toBeLessThanOrEqual(50);
    expect(blocks.at(-1)?.type).toBe('context');
    const shown = new Set(
      [...buttons(blocks), ...buttons(overflow)].map((button) => JSON.parse(button.value ?? '').paperId),
    );
    const notShownLine = texts(overflow).find((line) => line.includes('more matching papers are not shown'));
    expect(shown.size + Number(notShownLine?.match(/^(\d+)/)?.[1] ?? 0)).toBe(60);
  });

  it('keeps every text within Slack limits even for huge outside text', () => {
    const huge = 'Graft-versus-leukemia & <relapse> '.repeat(400);
    const item = jmmlItem({
      title: huge,
      journal: huge,
      summary: jmmlSummary({ headline: huge, takeaway: huge, whyItMatters: huge }),
      labels: ['retracted', 'preprint', 'erratum', 'synthetic'],
      updatesNote: huge,
    });
    const { blocks } = renderDigestBlocks(
      { ...digestOf([item]), intro: huge },
      { channelName: 'x'.repeat(200) },
    );
    for (const text of texts(blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    const header = blocks.find((block) => block.type === 'header');
    expect(header?.type === 'header' && header.text.text.length).toBeLessThanOrEqual(150);
    for (const button of buttons(blocks)) {
      expect(button.text.text.length).toBeLessThanOrEqual(75);
      expect(button.value?.length).toBeLessThanOrEqual(2000);
    }
  });
});

describe('renderEmptyDigestLine', () => {
  it('says nothing is new for the channel topics, what was searched and how to widen it', () => {
    const profile = demoProfile(new Date('2026-11-23T00:00:00Z'));
    const line = renderEmptyDigestLine({
      ...profile,
      includePreprints: false,
      feeds: [{ id: 'pubmed:q', kind: 'pubmed', target: 'q', origin: 'topics', addedAt: profile.createdAt }],
    });
    expect(line).toMatch(/^Nothing new for your topics \(juvenile myelomonocytic leukemia, /);
    expect(line).toContain('Juvenile myelomonocytic leukemia (MeSH)');
    expect(line).toContain('#heme-malignancies');
    expect(line).toContain('Searched PubMed over the last 14 days.');
    expect(line).toContain('`/lit topics preprints on`');
    expect(line).toContain('`/lit feeds add pubmed <query>`');
  });
});

describe('renderDigestBlocks context line', () => {
  it('does not repeat a title the headline already shows when there is no link', () => {
    const item = jmmlItem({ summary: jmmlSummary({ headline: jmmlItem().title }) });
    const contexts = renderDigestBlocks(digestOf([item])).blocks.filter((block) => block.type === 'context');
    expect(texts(contexts)[0]).toBe('case report');
  });
});
