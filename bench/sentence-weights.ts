import { pathToFileURL } from 'node:url';
import { loadDemoCorpus } from '../src/ingest/demo-corpus.js';
import { silentLogger } from '../src/log.js';
import { findEvidence } from '../src/qa/evidence.js';
import {
  rankPassagesForPart,
  SENTENCE_WEIGHTS,
  type SentenceFeatures,
  type SentenceWeights,
  sentenceFeatures,
} from '../src/qa/passage-rank.js';
import { PaperIndex } from '../src/search/paper-index.js';
import { openStore } from '../src/store/index.js';
import { type ClinicianQuestion, loadClinicianSet, type Split } from './qa-eval-clinician.js';

/**
 * The sentence chooser's weights (`SENTENCE_WEIGHTS`): how often the best-ranked sentence of the
 * expected paper is the one that holds the asked figure or finding, on both halves of the
 * clinician dev set; and, with `--fit`, a logistic regression of the features on the tune half
 * only, to refit the weights.
 */

const FIXTURES = new URL('../test/fixtures/qa/', import.meta.url);
const NOW = new Date('2026-11-23T08:00:00.000Z');
const FEATURES: (keyof SentenceFeatures)[] = [
  'own',
  'others',
  'setup',
  'quantity',
  'form',
  'measure',
  'results',
  'conclusion',
  'statesResult',
  'askedNumber',
  'saysNothing',
  'wording',
  'verbs',
  'position',
  'length',
  'comparison',
  'statesSample',
  'countsAsked',
  'bias',
];

interface Example {
  split: Split;
  kind: 'figure' | 'finding';
  /** One row per sentence of the expected paper; `answers` marks the ones holding the fragment. */
  rows: { features: SentenceFeatures; answers: boolean }[];
  rank: (weights: SentenceWeights) => number;
}

export interface SentenceChoiceFigures {
  /** Parts whose answering sentence ranks first, per half. */
  topOne: Record<Split, string>;
  fitted?: { weights: Record<'figure' | 'finding', SentenceWeights>; topOne: Record<Split, string> };
}

export async function measureSentenceChoice(options: { fit?: boolean } = {}): Promise<SentenceChoiceFigures> {
  const store = await openStore({ memory: true });
  try {
    await loadDemoCorpus(store, { now: NOW, logger: silentLogger });
    const index = await PaperIndex.load(store);
    const examples: Example[] = [];
    for (const q of loadClinicianSet(FIXTURES).filter((question) => question.expected.length > 0)) {
      examples.push(...(await examplesOf(store, index, q)));
    }
    const topOne = (weights: Record<'figure' | 'finding', SentenceWeights>) =>
      Object.fromEntries(
        (['tune', 'holdout'] as const).map((split) => {
          const subset = examples.filter((e) => e.split === split);
          const right = subset.filter((e) => e.rank(weights[e.kind]) === 0).length;
          return [split, `${right}/${subset.length}`];
        }),
      ) as Record<Split, string>;
    const figures: SentenceChoiceFigures = { topOne: topOne(SENTENCE_WEIGHTS) };
    if (options.fit) {
      const tune = examples.filter((e) => e.split === 'tune');
      const weights = {
        figure: fitLogistic(tune.filter((e) => e.kind === 'figure')),
        finding: fitLogistic(tune.filter((e) => e.kind === 'finding')),
      };
      figures.fitted = { weights, topOne: topOne(weights) };
    }
    return figures;
  } finally {
    await store.close();
  }
}

async function examplesOf(
  store: Awaited<ReturnType<typeof openStore>>,
  index: PaperIndex,
  q: ClinicianQuestion,
): Promise<Example[]> {
  const [paper] = await store.papers.getMany(q.expected);
  if (!paper) return [];
  const { understood } = await findEvidence({ store, index }, q.question, {
    previousQuestion: q.thread?.at(-1),
    scope: { focusPaperIds: [], threadPaperIds: q.digest ?? [] },
  });
  return (q.mustQuote ?? []).flatMap((fragment, i) => {
    const part = understood.parts[Math.min(i, understood.parts.length - 1)];
    if (!part) return [];
    const rows = sentenceFeatures(paper, part, understood).map(({ passage, features }) => ({
      features,
      answers: passage.text.includes(fragment),
    }));
    if (!rows.some((row) => row.answers)) return [];
    return [
      {
        split: q.split,
        kind: part.kind,
        rows,
        rank: (weights: SentenceWeights) =>
          rankPassagesForPart(paper, part, understood, weights).findIndex((r) =>
            r.passage.text.includes(fragment),
          ),
      },
    ];
  });
}

/**
 * A conditional logit (which sentence of its paper answers: a softmax over the paper's
 * sentences, L2-regularized) for the weights; then one scale and the bias by a logistic
 * regression of the answering sentences on that score, answering sentences weighing as much as
 * the rest, so that the score reads as log-odds.
 */
function fitLogistic(examples: Example[]): SentenceWeights {
  const vectors = examples.map((e) => ({
    x: e.rows.map((row) => FEATURES.map((f) => (f === 'bias' ? 0 : row.features[f]))),
    y: e.rows.map((row) => row.answers),
  }));
  const w = new Array<number>(FEATURES.length).fill(0);
  const lambda = 0.001;
  const rate = 0.5;
  const dot = (x: number[], weights: number[]) =>
    x.reduce((sum, xi, i) => sum + xi * (weights[i] as number), 0);
  for (let epoch = 0; epoch < 1500; epoch++) {
    const gradient = new Array<number>(w.length).fill(0);
    for (const { x, y } of vectors) {
      const scores = x.map((row) => dot(row, w));
      const top = Math.max(...scores);
      const odds = scores.map((score) => Math.exp(score - top));
      const all = odds.reduce((a, b) => a + b, 0);
      const answering = odds.reduce((a, b, j) => a + (y[j] ? b : 0), 0);
      x.forEach((row, j) => {
        const shift = (odds[j] as number) / all - (y[j] ? (odds[j] as number) / answering : 0);
        for (let i = 0; i < w.length; i++) gradient[i] = (gradient[i] as number) + shift * (row[i] as number);
      });
    }
    for (let i = 0; i < w.length; i++)
      w[i] = (w[i] as number) - rate * ((gradient[i] as number) / vectors.length + lambda * (w[i] as number));
  }
  const scored = vectors.flatMap(({ x, y }) =>
    x.map((row, j) => ({ score: dot(row, w), answers: y[j] as boolean })),
  );
  const positives = scored.filter((s) => s.answers).length;
  const balance = (scored.length - positives) / Math.max(1, positives);
  let scale = 1;
  let bias = 0;
  for (let epoch = 0; epoch < 3000; epoch++) {
    let gScale = 0;
    let gBias = 0;
    for (const { score, answers } of scored) {
      const p = 1 / (1 + Math.exp(-(scale * score + bias)));
      const error = (answers ? balance : 1) * (p - (answers ? 1 : 0));
      gScale += error * score;
      gBias += error;
    }
    scale -= (0.1 * gScale) / scored.length;
    bias -= (0.1 * gBias) / scored.length;
  }
  return Object.fromEntries(
    FEATURES.map((f, i) => [f, Math.round((f === 'bias' ? bias : scale * (w[i] as number)) * 100) / 100]),
  ) as SentenceWeights;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await measureSentenceChoice({ fit: process.argv.includes('--fit') });
  console.log(JSON.stringify(figures, null, 2));
}
