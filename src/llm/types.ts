import type { z } from 'zod';

/** Token counts of one call; cached calls report the tokens they saved, with `cached: true`. */
export interface CallUsage {
  promptTokens: number;
  completionTokens: number;
  cached: boolean;
}

export interface StructuredCall<T> {
  /** Prompt file name in `prompts/` without `.md` ("digest-item", "answer"). */
  prompt: string;
  /** Values for the prompt's named placeholders; a missing or unknown name is an error. */
  vars: Record<string, string>;
  /** Validates the model's JSON; its JSON Schema is sent as the structured-output format. */
  schema: z.ZodType<T>;
  maxOutputTokens?: number;
}

/**
 * The only way the rest of the app talks to a model. Implementations cache by
 * (input hash, prompt version, model), retry what is retryable, and throw LlmError otherwise.
 */
export interface LlmClient {
  readonly model: string;
  callStructured<T>(call: StructuredCall<T>): Promise<{ value: T; usage: CallUsage }>;
  /** Embedding vectors for texts, cached; absent when no embedding model is configured. */
  embed?(texts: string[]): Promise<number[][]>;
}
