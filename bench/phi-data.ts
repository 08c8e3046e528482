import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The labelled data the PHI bench measures on: Presidio's synthetic records, split by a fixed
 * seed into a half the guard may be tuned on and a half kept out of every tuning step, and
 * PubMedQA's abstract sentences (split the same way) to count what clinical text loses.
 */

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const SPLIT_SEED = 13;

const presidioSchema = z.array(
  z.object({
    full_text: z.string(),
    spans: z.array(
      z.object({
        entity_type: z.string(),
        entity_value: z.string(),
        start_position: z.number().int(),
        end_position: z.number().int(),
      }),
    ),
  }),
);
export type LabelledRecord = z.infer<typeof presidioSchema>[number];

const pubMedQaSchema = z.record(z.string(), z.object({ CONTEXTS: z.array(z.string()) }));

export interface Halves<T> {
  tune: T[];
  heldOut: T[];
}

export function presidioHalves(): Halves<LabelledRecord> {
  const records = presidioSchema.parse(
    JSON.parse(readFileSync(new URL('phi/presidio_synth_dataset_v2_first750.json', FIXTURES), 'utf8')),
  );
  return split(records);
}

/** Every abstract sentence of PubMedQA, halves by abstract so one paper's sentences stay together. */
export function pubMedQaSentenceHalves(): Halves<string> {
  const records = pubMedQaSchema.parse(
    JSON.parse(readFileSync(new URL('qa/pubmedqa_ori_pqal.json', FIXTURES), 'utf8')),
  );
  const halves = split(Object.values(records));
  const sentences = (abstracts: { CONTEXTS: string[] }[]) =>
    abstracts.flatMap((a) => a.CONTEXTS.flatMap((section) => section.split(/(?<=[.!?])\s+(?=[A-Z0-9(])/)));
  return { tune: sentences(halves.tune), heldOut: sentences(halves.heldOut) };
}

/** A seeded shuffle (mulberry32), cut in two: the same halves on every run and machine. */
function split<T>(items: T[]): Halves<T> {
  let state = SPLIT_SEED;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = items.map((item) => ({ item, key: random() })).sort((a, b) => a.key - b.key);
  const half = Math.ceil(order.length / 2);
  return { tune: order.slice(0, half).map((o) => o.item), heldOut: order.slice(half).map((o) => o.item) };
}
