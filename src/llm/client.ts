import OpenAI from 'openai';
import type { Config } from '../config/index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { createCallLimiter } from './call-limiter.js';
import { createEmbedder } from './embed.js';
import { answerCacheKey, createAnswerCache } from './llm-cache.js';
import { InvalidModelOutputError, TokenBudgetExhaustedError } from './llm-errors.js';
import {
  DEFAULT_PROMPTS_DIR,
  loadPrompt,
  type Prompt,
  type RenderedPrompt,
  renderPrompt,
} from './prompts.js';
import { fetchWithRetryAfterLimit } from './retry-after-limit.js';
import { toStrictJsonSchema } from './strict-schema.js';
import { requestStructured } from './structured-call.js';
import type { CallUsage, LlmClient, StructuredCall } from './types.js';

const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const DEFAULT_MAX_OUTPUT_TOKENS = 1_200;
/** The SDK retries 408/409/429/5xx and timeouts this many times, waiting out Retry-After. */
const DEFAULT_MAX_RETRIES = 2;
/** Longer Retry-After waits are not honored: the call fails (retryable) and the item falls back. */
const MAX_RETRY_AFTER_MS = 60_000;
/** Rough English average, used only to reserve budget before a call. */
const CHARS_PER_TOKEN = 4;

export interface LlmClientDeps {
  fetch?: typeof fetch;
  promptsDir?: string;
  maxRetries?: number;
}

/**
 * The model client for the whole app, or undefined when no key and no base URL are configured
 * (everything then runs extractive). Every structured call is cached in the store, so rebuilding
 * the same digest makes no request.
 */
export function createLlmClient(
  config: Config,
  store: Store,
  logger: Logger,
  deps: LlmClientDeps = {},
): LlmClient | undefined {
  const { apiKey, baseUrl, model, timeoutMs, concurrency, embeddingModel } = config.llm;
  if (!apiKey && !baseUrl) return undefined;
  const log = logger.child({ module: 'llm', model });
  const openai = new OpenAI({
    apiKey: apiKey ?? 'not-needed',
    // Explicit, so the SDK never falls back to reading process.env itself.
    baseURL: baseUrl ?? OPENAI_DEFAULT_BASE_URL,
    organization: null,
    project: null,
    timeout: timeoutMs,
    maxRetries: deps.maxRetries ?? DEFAULT_MAX_RETRIES,
    fetch: fetchWithRetryAfterLimit(deps.fetch ?? globalThis.fetch, MAX_RETRY_AFTER_MS),
    logger: sdkLogger(log),
    logLevel: 'info',
  });
  const limiter = createCallLimiter(concurrency);
  const cache = createAnswerCache(store);
  const promptsDir = deps.promptsDir ?? DEFAULT_PROMPTS_DIR;
  const prompts = new Map<string, Promise<Prompt>>();
  const promptNamed = (name: string) => {
    let loaded = prompts.get(name);
    if (!loaded) {
      loaded = loadPrompt(name, promptsDir);
      loaded.catch(() => prompts.delete(name));
      prompts.set(name, loaded);
    }
    return loaded;
  };

  /** Identical calls in flight share one request (parallel digest builds of the same papers). */
  const inflight = new Map<string, Promise<{ value: unknown; usage: CallUsage }>>();

  async function callStructured<T>(call: StructuredCall<T>): Promise<{ value: T; usage: CallUsage }> {
    const prompt = await promptNamed(call.prompt);
    const rendered = renderPrompt(prompt, call.vars);
    const jsonSchema = toStrictJsonSchema(call.schema);
    const key = answerCacheKey({ prompt, model, vars: call.vars, jsonSchema });

    const hit = await cache.get(key);
    const cachedValue = hit && call.schema.safeParse(hit.value);
    if (hit && cachedValue?.success) {
      log.debug({ prompt: prompt.name, version: prompt.version }, 'llm cache hit');
      const { promptTokens, completionTokens } = hit;
      return {
        value: cachedValue.data,
        usage: { promptTokens, completionTokens, cached: true, requests: 0 },
      };
    }
    const running = inflight.get(key);
    if (running) {
      const shared = await running;
      return {
        value: call.schema.parse(shared.value),
        usage: { ...shared.usage, cached: true, requests: 0 },
      };
    }

    const asked = askModel(call, prompt, rendered, jsonSchema, key);
    inflight.set(key, asked);
    try {
      return await asked;
    } finally {
      inflight.delete(key);
    }
  }

  async function askModel<T>(
    call: StructuredCall<T>,
    prompt: Prompt,
    rendered: RenderedPrompt,
    jsonSchema: Record<string, unknown>,
    key: string,
  ): Promise<{ value: T; usage: CallUsage }> {
    const maxOutputTokens = call.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    const promptChars = (rendered.system?.length ?? 0) + rendered.user.length;
    const reservation = Math.ceil(promptChars / CHARS_PER_TOKEN) + maxOutputTokens;
    if (call.budget && !call.budget.tryReserve(reservation)) throw new TokenBudgetExhaustedError();

    let used = 0;
    try {
      const result = await limiter.run(() =>
        requestStructured({
          openai,
          model,
          rendered,
          schemaName: prompt.name.replace(/-/g, '_'),
          jsonSchema,
          schema: call.schema,
          maxOutputTokens,
        }),
      );
      const { value, promptTokens, completionTokens, requests } = result;
      used = promptTokens + completionTokens;
      log.info(
        { prompt: prompt.name, version: prompt.version, promptTokens, completionTokens, requests },
        'llm call',
      );
      await cache.set(key, { value, promptTokens, completionTokens, cachedAt: new Date().toISOString() });
      return { value, usage: { promptTokens, completionTokens, cached: false, requests } };
    } catch (error) {
      if (error instanceof InvalidModelOutputError)
        used = error.usage.promptTokens + error.usage.completionTokens;
      throw error;
    } finally {
      call.budget?.settle(reservation, used);
    }
  }

  const client: LlmClient = { model, callStructured };
  if (embeddingModel) {
    client.embed = createEmbedder({ openai, model: embeddingModel, store, limiter, logger: log });
  }
  return client;
}

/** The SDK logs every request at info; ours keeps that at debug and passes warnings through. */
function sdkLogger(log: Logger) {
  return {
    error: (message: string) => log.error({ source: 'openai-sdk' }, message),
    warn: (message: string) => log.warn({ source: 'openai-sdk' }, message),
    info: (message: string) => log.debug({ source: 'openai-sdk' }, message),
    debug: () => {},
  };
}
