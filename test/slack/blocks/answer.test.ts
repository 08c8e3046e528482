import { describe, expect, it } from 'vitest';
import { ANSWER_FOOTER, renderAnswerBlocks } from '../../../src/slack/blocks/answer.js';
import type { Answer, Citation } from '../../../src/types.js';

const JMML_SENTENCE =
  'The relapse rate for children with juvenile myelomonocytic leukemia (JMML) status post hematopoietic stem cell transplantation (HSCT) approaches 50% within 5 years.';

function citation(overrides: Partial<Citation> = {}): Citation {
  return {
    paperId: 'pmid:21645374',
    title: 'Do mitochondria play a role in remodelling lace plant leaves during programmed cell death?',
    url: 'https://pubmed.ncbi.nlm.nih.gov/21645374/',
    pmid: '21645374',
    quote: JMML_SENTENCE,
    basis: 'abstract',
    ...overrides,
  };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'What is the relapse rate after HSCT for JMML?',
    answered: true,
    text: 'Relapse approaches 50% within 5 years. [1]',
    citations: [citation()],
    mode: 'llm',
    redactions: [],
    ...overrides,
  };
}

function allText(blocks: unknown[]): string {
  return JSON.stringify(blocks);
}

describe('renderAnswerBlocks', () => {
  it('shows the answer, a numbered linked citation with its verbatim quote, the basis and the footer', () => {
    const { blocks } = renderAnswerBlocks(answer());
    const text = allText(blocks);
    expect(text).toContain('Relapse approaches 50% within 5 years. [1]');
    expect(text).toContain('*[1]* <https://pubmed.ncbi.nlm.nih.gov/21645374/|');
    expect(text).toContain('abstract only');
    expect(text).toContain(`“${JMML_SENTENCE}”`);
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: ANSWER_FOOTER }] });
  });

  it('says where in the paper each quote stands: a full-text section, a table, an abstract label', () => {
    const text = allText(
      renderAnswerBlocks(
        answer({
          citations: [
            citation({ basis: 'full text', section: 'Results' }),
            citation({ basis: 'full text', section: 'Table 2', quote: 'Hazard ratio (HR) and 95% CI' }),
            citation({ section: 'RESULTS', quote: 'Relapse approaches 50%' }),
          ],
        }),
      ).blocks,
    );
    expect(text).toContain('full text (Results)');
    expect(text).toContain('full text (Table 2)');
    expect(text).toContain('abstract only (Results)');
  });

  it('labels a citation checked against the full text', () => {
    const text = allText(
      renderAnswerBlocks(answer({ citations: [citation({ basis: 'full text' })] })).blocks,
    );
    expect(text).toContain('full text');
    expect(text).not.toContain('abstract only');
  });

  it('escapes model and paper text so nothing can ping a channel or hide a link', () => {
    const hostile = answer({
      text: 'Ignore that <!channel> and click <https://evil.example|here> & @here',
      citations: [citation({ title: 'Title <!here>', quote: 'quote <@U123> & more words here' })],
    });
    const rendered = renderAnswerBlocks(hostile);
    const text = allText(rendered.blocks) + rendered.text;
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
    expect(text).not.toContain('<@U123>');
    expect(text).not.toContain('<https://evil.example');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('does not repeat the quotes of an extractive answer, whose text is the quotes', () => {
    const text = allText(
      renderAnswerBlocks(answer({ mode: 'extractive', text: `${JMML_SENTENCE} [1]` })).blocks,
    );
    expect(text.split('approaches 50% within 5 years').length - 1).toBe(1);
  });

  it('shows the closest paper when the papers do not address the question', () => {
    const text = allText(
      renderAnswerBlocks(
        answer({
          answered: false,
          mode: 'none',
          text: "The papers in this digest don't address that.",
          citations: [],
          closest: citation(),
        }),
      ).blocks,
    );
    expect(text).toContain('Closest paper:');
    expect(text).toContain('PMID 21645374');
  });

  it('leaves a citation without a stored link unlinked', () => {
    const text = allText(
      renderAnswerBlocks(answer({ citations: [citation({ url: undefined, pmid: undefined })] })).blocks,
    );
    expect(text).not.toContain('<http');
  });

  it('splits a long answer into sections within 3000 characters and 50 blocks', () => {
    const long = Array.from(
      { length: 400 },
      (_, i) => `Sentence number ${i} says something about relapse & risk.`,
    ).join(' ');
    const many = Array.from({ length: 80 }, (_, i) =>
      citation({ paperId: `p${i}`, quote: `${JMML_SENTENCE} ${'x '.repeat(250)}` }),
    );
    const { blocks } = renderAnswerBlocks(answer({ text: long, citations: many }));
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) {
      if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    }
    expect(blocks.filter((b) => b.type === 'section').length).toBeGreaterThan(2);
    expect(blocks.at(-1)?.type).toBe('context');
  });
});
