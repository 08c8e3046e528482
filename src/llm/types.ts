import type { z } from 'zod';

/** Token counts of one call; cached calls report the tokens they saved, with `cached: true`. */
export interface CallUsage {
  promptTokens: number;
  completionTokens: number;
  cached: boolean;
  /** Requests sent to the model for this call: 0 on a cache hit, 2 when a repair was needed. */
  requests?: number;
}

/**
 * Tokens one digest (or answer) may still spend. The client asks it only when a call would go to
 * the model, so cache hits are free; reservations keep concurrent calls from overshooting.
 */
export interface TokenBudget {
  /** False when `tokens` more would exceed the budget: the call is not made. */
  tryReserve(tokens: number): boolean;
  /** Replaces a reservation with what the call really used. */
  settle(reserved: number, used: number): void;
}

export interface StructuredCall<T> {
  /** Prompt file name in `prompts/` without `.md` ("digest-item", "answer"). */
  prompt: string;
  /** Values for the prompt's named placeholders; a missing or unknown name is an error. */
  vars: Record<string, string>;
  /** Validates the model's JSON; its JSON Schema is sent as the structured-output format. */
  schema: z.ZodType<T>;
  maxOutputTokens?: number;
  /** When given, a call that would exceed it throws TokenBudgetExhaustedError instead of running. */
  budget?: TokenBudget;
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
