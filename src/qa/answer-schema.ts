import { z } from 'zod';

/**
 * What the model returns for `prompts/answer.md`. It cites passages by the ids it was given
 * ("P3"), so it can neither invent a paper nor a link; code maps ids back to stored papers.
 */
export const answerDraftSchema = z.object({
  answered: z.boolean(),
  verdict: z.enum(['yes', 'no', 'maybe', 'none']),
  sentences: z
    .array(
      z.object({
        text: z.string().max(600),
        citations: z.array(z.object({ passage: z.string().max(10), quote: z.string().max(600) })).max(4),
      }),
    )
    .max(6),
});

export type AnswerDraft = z.infer<typeof answerDraftSchema>;
