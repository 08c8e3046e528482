import { z } from 'zod';

const digestButton = z.object({ digestId: z.string().min(1).max(200), paperId: z.string().min(1).max(300) });
const paperButton = z.object({ paperId: z.string().min(1).max(300) });

/** The `{digestId, paperId}` a digest button carries, or undefined when the value is not ours. */
export function parseDigestButton(value: string | undefined) {
  return parseJson(digestButton, value);
}

/** The `{paperId}` a single-paper button carries. */
export function parsePaperButton(value: string | undefined) {
  return parseJson(paperButton, value);
}

function parseJson<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (!value) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
