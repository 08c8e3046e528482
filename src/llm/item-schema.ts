import { z } from 'zod';

/** Fixed by the product: a takeaway a clinician reads on a phone in one glance. */
export const MAX_TAKEAWAY_WORDS = 60;
export const MAX_HEADLINE_WORDS = 12;

const STUDY_TYPES = [
  'meta-analysis',
  'systematic-review',
  'rct',
  'cohort',
  'case-control',
  'case-series',
  'case-report',
  'guideline',
  'review',
  'preclinical',
  'editorial',
  'other',
] as const;

const KEY_NUMBER_KINDS = [
  'percent',
  'n',
  'hazard-ratio',
  'odds-ratio',
  'risk-ratio',
  'ci',
  'p-value',
  'survival',
  'other',
] as const;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const atMostWords = (limit: number) =>
  z
    .string()
    .min(1)
    .refine((text) => wordCount(text) <= limit, `must be at most ${limit} words`);

/**
 * What the model returns for one paper (prompts/digest-item.md). Strict-output compatible: every
 * field is present, absent facts are null or empty lists. Titles, PMIDs, DOIs and links are
 * deliberately not here: those always come from stored metadata, and zod drops any the model adds.
 */
export const itemDraftSchema = z.object({
  headline: atMostWords(MAX_HEADLINE_WORDS),
  takeaway: atMostWords(MAX_TAKEAWAY_WORDS),
  study_type: z.enum(STUDY_TYPES),
  population: z.string().nullable(),
  intervention: z.string().nullable(),
  comparator: z.string().nullable(),
  outcomes: z.array(z.string()),
  key_numbers: z.array(
    z.object({
      value: z.string().min(1),
      kind: z.enum(KEY_NUMBER_KINDS),
      sentence: z.string().min(1),
    }),
  ),
  why_it_matters_for_tumor_board: z.string(),
  limitations: z.array(z.string()),
  quotes: z.array(z.string()),
});

export type ItemDraft = z.infer<typeof itemDraftSchema>;

/** What the model returns for the digest intro (prompts/digest-intro.md). */
export const introDraftSchema = z.object({
  intro: atMostWords(40),
});

export type IntroDraft = z.infer<typeof introDraftSchema>;
