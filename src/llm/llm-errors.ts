import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { LlmError } from '../errors.js';

/** A call was not made because the digest's token budget (LLM_MAX_TOKENS_PER_DIGEST) is spent. */
export class TokenBudgetExhaustedError extends LlmError {
  constructor() {
    super('The token budget for this digest is spent; the remaining items use extractive summaries.', {
      retryable: false,
    });
  }
}

/** The model answered, twice, with something that is not the JSON the schema asks for. */
export class InvalidModelOutputError extends LlmError {
  /** Tokens the two rejected answers cost: they are paid for even though nothing is used. */
  readonly usage: { promptTokens: number; completionTokens: number; requests: number };

  constructor(detail: string, usage: InvalidModelOutputError['usage']) {
    super('The language model returned an answer in the wrong format.', { retryable: false, detail });
    this.usage = usage;
  }
}

/**
 * Maps what the OpenAI SDK throws (after its own retries) to an LlmError. Status codes worth
 * retrying later (429, 5xx, timeouts) stay `retryable`; auth and request errors do not.
 */
export function toLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmError('The language model did not answer in time.', { retryable: true, cause: error });
  }
  if (error instanceof APIUserAbortError) {
    return new LlmError('The language model call was cancelled.', { retryable: true, cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new LlmError('The language model server cannot be reached. Check OPENAI_BASE_URL.', {
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIError) return fromStatus(error);
  return new LlmError('The language model server sent a response that cannot be read.', {
    retryable: true,
    cause: error,
    detail: error instanceof Error ? error.name : undefined,
  });
}

function fromStatus(error: APIError): LlmError {
  const status = error.status ?? 0;
  const detail = `HTTP ${status}`;
  if (status === 401 || status === 403) {
    return new LlmError('The language model server refused the API key. Check OPENAI_API_KEY.', {
      cause: error,
      detail,
    });
  }
  if (status === 404) {
    return new LlmError('The language model server does not know this model. Check OPENAI_MODEL.', {
      cause: error,
      detail,
    });
  }
  if (status === 429) {
    return new LlmError('The language model is rate limiting us; try again shortly.', {
      retryable: true,
      cause: error,
      detail,
    });
  }
  if (status >= 500 || status === 408 || status === 409) {
    return new LlmError('The language model server failed; try again shortly.', {
      retryable: true,
      cause: error,
      detail,
    });
  }
  return new LlmError('The language model server rejected the request.', { cause: error, detail });
}
