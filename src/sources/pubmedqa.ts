import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { parsePmid } from '../text/index.js';
import type { AbstractSection, Paper } from '../types.js';
import { buildPaper, type SourceContext } from './paper.js';

const recordSchema = z.object({
  QUESTION: z.string(),
  CONTEXTS: z.array(z.string()),
  LABELS: z.array(z.string()).default([]),
  MESHES: z.array(z.string()).default([]),
  YEAR: z.string().nullish(),
  LONG_ANSWER: z.string().default(''),
});

/** True when a parsed JSON value looks like PubMedQA's `{pmid: {QUESTION, CONTEXTS, …}}` file. */
export function isPubmedQa(json: unknown): json is Record<string, unknown> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false;
  const first = Object.values(json)[0];
  return Boolean(first && typeof first === 'object' && 'QUESTION' in first && 'CONTEXTS' in first);
}

/**
 * PubMedQA records as papers: the abstract is the CONTEXTS with their LABELS plus the
 * LONG_ANSWER (the abstract's own conclusion) as "CONCLUSIONS"; the QUESTION stands in for
 * the title, which the dataset does not carry. The yes/no/maybe label is an annotation, not
 * the paper's text, so it is left out.
 */
export function parsePubmedQa(json: Record<string, unknown>, context: SourceContext): Paper[] {
  return Object.entries(json).map(([key, raw]) => {
    const pmid = parsePmid(key);
    const record = recordSchema.safeParse(raw);
    if (!pmid || !record.success) {
      throw new InvalidInputError(`PubMedQA record "${key}" is not a PMID with QUESTION and CONTEXTS.`);
    }
    const { QUESTION, CONTEXTS, LABELS, MESHES, YEAR, LONG_ANSWER } = record.data;
    const abstract: AbstractSection[] = CONTEXTS.map((text, i) => {
      const label = LABELS[i]?.trim();
      return label ? { label, text: text.trim() } : { text: text.trim() };
    });
    if (LONG_ANSWER.trim()) abstract.push({ label: 'CONCLUSIONS', text: LONG_ANSWER.trim() });
    return buildPaper(
      {
        pmid,
        title: QUESTION.trim(),
        abstract,
        mesh: MESHES,
        publishedDate: YEAR && /^\d{4}$/.test(YEAR) ? YEAR : undefined,
        url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
      },
      context,
    );
  });
}
