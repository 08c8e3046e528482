import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { RankedPassage } from '../../src/qa/passage-rank.js';
import { rerankByEmbedding } from '../../src/qa/rerank.js';
import { jmmlPaper } from './corpus.js';

const paper = jmmlPaper();
const ranked: RankedPassage[] = ['first lexical passage', 'second lexical passage'].map((text, i) => ({
  passage: { id: `${paper.id}#${i}`, paperId: paper.id, basis: 'abstract', text },
  paper,
  score: 1 - i * 0.1,
  quantity: false,
  inAskedUnit: true,
  says: 1,
}));

describe('rerankByEmbedding', () => {
  it('moves the passage closest to the question up', async () => {
    const embed = async (texts: string[]) =>
      texts.map((t) => (t.startsWith('second') || t === 'q' ? [1, 0] : [0, 1]));
    const out = await rerankByEmbedding(embed, silentLogger, 'q', ranked);
    expect(out.map((r) => r.passage.text)).toEqual(['second lexical passage', 'first lexical passage']);
  });

  it('keeps the lexical order when the embedding call fails', async () => {
    const out = await rerankByEmbedding(
      async () => Promise.reject(new Error('down')),
      silentLogger,
      'q',
      ranked,
    );
    expect(out).toEqual(ranked);
  });
});
