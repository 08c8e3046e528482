/**
 * Coded errors with a message fit to show a clinician in Slack or the terminal.
 * `userMessage` never contains tokens, raw questions or patient identifiers.
 */

export enum ErrorCode {
  Config = 'tbd_config_error',
  InvalidInput = 'tbd_invalid_input',
  Feed = 'tbd_feed_error',
  Llm = 'tbd_llm_error',
  Store = 'tbd_store_error',
  Slack = 'tbd_slack_error',
  Search = 'tbd_search_error',
}

export abstract class TbdError extends Error {
  abstract readonly code: ErrorCode;
  /** One line a user can act on; `message` may carry more detail for logs. */
  readonly userMessage: string;

  constructor(userMessage: string, options?: { cause?: unknown; detail?: string }) {
    super(options?.detail ? `${userMessage} (${options.detail})` : userMessage, { cause: options?.cause });
    this.name = new.target.name;
    this.userMessage = userMessage;
  }
}

export class ConfigError extends TbdError {
  readonly code = ErrorCode.Config;
}

/** Bad input from a user: a PMID, a cron expression, a feed URL. `example` shows a correct one. */
export class InvalidInputError extends TbdError {
  readonly code = ErrorCode.InvalidInput;
  readonly example?: string;

  constructor(userMessage: string, example?: string) {
    super(example ? `${userMessage} Example: ${example}` : userMessage);
    this.example = example;
  }
}

export class FeedError extends TbdError {
  readonly code = ErrorCode.Feed;
  readonly feedId: string;
  /** False for a permanent problem (not a feed, blocked address): no point retrying soon. */
  readonly retryable: boolean;

  constructor(
    feedId: string,
    userMessage: string,
    options?: { cause?: unknown; retryable?: boolean; detail?: string },
  ) {
    super(userMessage, options);
    this.feedId = feedId;
    this.retryable = options?.retryable ?? true;
  }
}

export class LlmError extends TbdError {
  readonly code = ErrorCode.Llm;
  readonly retryable: boolean;

  constructor(userMessage: string, options?: { cause?: unknown; retryable?: boolean; detail?: string }) {
    super(userMessage, options);
    this.retryable = options?.retryable ?? false;
  }
}

export class StoreError extends TbdError {
  readonly code = ErrorCode.Store;
}

export class SlackError extends TbdError {
  readonly code = ErrorCode.Slack;
  /** Slack's error string, e.g. "not_in_channel". */
  readonly slackCode?: string;

  constructor(userMessage: string, slackCode?: string, options?: { cause?: unknown }) {
    super(userMessage, { ...options, detail: slackCode });
    this.slackCode = slackCode;
  }
}

/** The in-memory search index is not answering (its worker thread stopped and is being rebuilt). */
export class SearchError extends TbdError {
  readonly code = ErrorCode.Search;
}

export function isTbdError(error: unknown): error is TbdError {
  return error instanceof TbdError;
}

/** The message to show a user for any thrown value; unknown errors get a generic line. */
export function userMessageOf(error: unknown): string {
  return isTbdError(error) ? error.userMessage : 'Something went wrong on our side; it has been logged.';
}
