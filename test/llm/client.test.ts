import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatBody } from '../../bench/fakes/fake-openai.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../bench/fakes/fake-openai.js';
import { ConfigError, LlmError } from '../../src/errors.js';
import { createLlmClient, type LlmClientDeps } from '../../src/llm/client.js';
import { InvalidModelOutputError, TokenBudgetExhaustedError } from '../../src/llm/llm-errors.js';
import { REPAIR_INSTRUCTION } from '../../src/llm/structured-call.js';
import { createTokenBudget } from '../../src/llm/token-budget.js';
import type { LlmClient } from '../../src/llm/types.js';
import { silentLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/index.js';
import { llmTestConfig } from './helpers.js';

const RELAPSE = 'The relapse rate for children with JMML status post HSCT approaches 50% within 5 years.';
const answerSchema = z.object({ answer: z.string().min(1), confidence: z.enum(['low', 'high']) });
const GOOD = { answer: 'approaches 50% within 5 years', confidence: 'high' };

let fake: FakeOpenAi;
let store: Store;
let promptsDir: string;

function writePrompt(text: string) {
  writeFileSync(path.join(promptsDir, 'relapse-test.md'), text);
}

function client(deps: LlmClientDeps = {}, llm = {}): LlmClient {
  const created = createLlmClient(llmTestConfig(fake.baseUrl, llm), store, silentLogger, {
    promptsDir,
    ...deps,
  });
  if (!created) throw new Error('expected a client');
  return created;
}

const call = (passage = RELAPSE) => ({
  prompt: 'relapse-test',
  vars: { passage },
  schema: answerSchema,
});

beforeEach(async () => {
  fake = await startFakeOpenAi();
  store = await openStore({ memory: true });
  promptsDir = mkdtempSync(path.join(tmpdir(), 'tbd-prompts-'));
  writePrompt(
    'version: 1\n## system\nAnswer from the passage only.\n## user\n<passage>\n{{passage}}\n</passage>\n',
  );
});

afterEach(async () => {
  await fake.close();
  await store.close();
});

describe('createLlmClient', () => {
  it('is undefined without an API key or base URL, so everything stays extractive', async () => {
    const config = llmTestConfig('http://127.0.0.1:9');
    expect(
      createLlmClient(
        { ...config, llm: { ...config.llm, apiKey: undefined, baseUrl: undefined } },
        store,
        silentLogger,
      ),
    ).toBeUndefined();
  });

  it('sends a strict JSON-schema request with the rendered system and user messages', async () => {
    fake.enqueue({ kind: 'json', content: GOOD, usage: { promptTokens: 120, completionTokens: 30 } });
    const result = await client().callStructured(call());
    expect(result.value).toEqual(GOOD);
    expect(result.usage).toEqual({ promptTokens: 120, completionTokens: 30, cached: false, requests: 1 });

    const body = sentBody(0);
    expect(body.model).toBe('test-model');
    expect(body.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages?.[1]?.content).toContain(RELAPSE);
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.response_format?.json_schema).toMatchObject({ name: 'relapse_test', strict: true });
    expect(body.response_format?.json_schema?.schema).toMatchObject({
      additionalProperties: false,
      required: ['answer', 'confidence'],
    });
  });

  it('answers the same call from the store without a second request', async () => {
    fake.enqueue({ kind: 'json', content: GOOD, usage: { promptTokens: 120, completionTokens: 30 } });
    await client().callStructured(call());
    const again = await client().callStructured(call());
    expect(fake.chatRequests()).toHaveLength(1);
    expect(again.value).toEqual(GOOD);
    expect(again.usage).toEqual({ promptTokens: 120, completionTokens: 30, cached: true, requests: 0 });
  });

  it('asks again when the inputs or the prompt file change', async () => {
    fake.setResponder(() => ({ kind: 'json', content: GOOD }));
    await client().callStructured(call());
    await client().callStructured(call('Graft-versus-leukemia (GVL) is thought to play important role.'));
    writePrompt('version: 1\n## system\nAnswer from the passage only, briefly.\n## user\n{{passage}}\n');
    await client().callStructured(call());
    expect(fake.chatRequests()).toHaveLength(3);
  });

  it('repairs invalid JSON once by sending the error back', async () => {
    fake.enqueue({ kind: 'text', content: '{"answer": "approaches 50%' }, { kind: 'json', content: GOOD });
    const result = await client().callStructured(call());
    expect(result.value).toEqual(GOOD);
    expect(result.usage.requests).toBe(2);
    const repair = sentBody(1);
    expect(repair.messages?.at(-2)).toMatchObject({
      role: 'assistant',
      content: '{"answer": "approaches 50%',
    });
    expect(repair.messages?.at(-1)?.content).toContain(REPAIR_INSTRUCTION);
  });

  it('repairs a schema violation once, telling the model which field was wrong', async () => {
    fake.enqueue(
      { kind: 'json', content: { answer: 'approaches 50%', confidence: 'certain' } },
      { kind: 'json', content: GOOD },
    );
    const result = await client().callStructured(call());
    expect(result.value).toEqual(GOOD);
    expect(sentBody(1).messages?.at(-1)?.content).toContain('confidence');
  });

  it('throws InvalidModelOutputError with the tokens spent when the repair fails too, and caches nothing', async () => {
    fake.enqueue(
      { kind: 'text', content: 'not json', usage: { promptTokens: 10, completionTokens: 2 } },
      { kind: 'text', content: 'still not json', usage: { promptTokens: 15, completionTokens: 3 } },
    );
    const error = await client()
      .callStructured(call())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidModelOutputError);
    expect((error as InvalidModelOutputError).usage).toEqual({
      promptTokens: 25,
      completionTokens: 5,
      requests: 2,
    });
    expect((error as InvalidModelOutputError).message).toContain('answer is not JSON');
    expect((error as InvalidModelOutputError).message).not.toContain('still not json');
    fake.enqueue({ kind: 'json', content: GOOD });
    await client().callStructured(call());
    expect(fake.chatRequests()).toHaveLength(3);
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    fake.enqueue({ kind: 'status', status: 429, retryAfterSeconds: 1 }, { kind: 'json', content: GOOD });
    const result = await client().callStructured(call());
    expect(result.value).toEqual(GOOD);
    const [first, second] = fake.chatRequests();
    expect(second).toBeDefined();
    // A lower bound only: the wait must not be shorter than the server asked for.
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once, retryably, when Retry-After asks for longer than a digest should wait', async () => {
    fake.enqueue({ kind: 'status', status: 429, retryAfterSeconds: 3600 });
    const error = await client()
      .callStructured(call())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).retryable).toBe(true);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('sends one request for identical calls made at the same time', async () => {
    fake.enqueue({ kind: 'json', content: GOOD });
    const shared = client();
    const [a, b] = await Promise.all([shared.callStructured(call()), shared.callStructured(call())]);
    expect(a.value).toEqual(GOOD);
    expect(b.value).toEqual(GOOD);
    expect([a.usage.cached, b.usage.cached].sort()).toEqual([false, true]);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('retries a 500 and succeeds', async () => {
    fake.enqueue({ kind: 'status', status: 500 }, { kind: 'json', content: GOOD });
    expect((await client().callStructured(call())).value).toEqual(GOOD);
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('gives up on repeated 500s with a retryable LlmError', async () => {
    fake.setResponder(() => ({ kind: 'status', status: 503 }));
    const error = await client({ maxRetries: 1 })
      .callStructured(call())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).retryable).toBe(true);
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('times out a request that never answers', async () => {
    fake.enqueue({ kind: 'hang' });
    const error = await client({ maxRetries: 0 }, { timeoutMs: 300 })
      .callStructured(call())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).userMessage).toMatch(/did not answer in time/);
    expect((error as LlmError).retryable).toBe(true);
  });

  it('reports an unreadable response body as an LlmError', async () => {
    fake.enqueue({ kind: 'invalid-body' });
    await expect(client({ maxRetries: 0 }).callStructured(call())).rejects.toBeInstanceOf(LlmError);
  });

  it('does not retry a refused API key', async () => {
    fake.setResponder(() => ({ kind: 'status', status: 401 }));
    const error = await client()
      .callStructured(call())
      .catch((e: unknown) => e);
    expect((error as LlmError).retryable).toBe(false);
    expect((error as LlmError).userMessage).toMatch(/OPENAI_API_KEY/);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('makes no request when the token budget cannot cover the call, but still serves cached answers', async () => {
    const spent = createTokenBudget(10);
    await expect(client().callStructured({ ...call(), budget: spent })).rejects.toBeInstanceOf(
      TokenBudgetExhaustedError,
    );
    expect(fake.chatRequests()).toHaveLength(0);

    fake.enqueue({ kind: 'json', content: GOOD });
    await client().callStructured(call());
    expect((await client().callStructured({ ...call(), budget: spent })).usage.cached).toBe(true);
  });

  it('charges the budget what the call really used', async () => {
    const budget = createTokenBudget(100_000);
    fake.enqueue({ kind: 'json', content: GOOD, usage: { promptTokens: 700, completionTokens: 50 } });
    await client().callStructured({ ...call(), budget });
    expect(budget.spent()).toBe(750);
  });

  it('refuses placeholders that do not match the prompt file, before any request', async () => {
    await expect(
      client().callStructured({ ...call(), vars: { passage: RELAPSE, pmid: '123' } }),
    ).rejects.toBeInstanceOf(ConfigError);
    await expect(client().callStructured({ ...call(), vars: {} })).rejects.toThrow(/not filled: passage/);
    expect(fake.chatRequests()).toHaveLength(0);
  });
});

describe('embed', () => {
  it('is absent when no embedding model is configured', () => {
    expect(client().embed).toBeUndefined();
  });

  it('returns one vector per text and serves repeated texts from the store', async () => {
    const embedder = client({}, { embeddingModel: 'test-embedding' });
    const vectors = await embedder.embed?.([RELAPSE, 'Rapamycin and GVL.', RELAPSE]);
    expect(vectors).toHaveLength(3);
    expect(vectors?.[0]).toEqual(vectors?.[2]);
    expect(fake.embeddingRequests()).toHaveLength(1);
    expect((fake.embeddingRequests()[0]?.body as { input?: string[] } | undefined)?.input).toEqual([
      RELAPSE,
      'Rapamycin and GVL.',
    ]);

    const again = await client({}, { embeddingModel: 'test-embedding' }).embed?.([RELAPSE]);
    expect(again?.[0]).toEqual(vectors?.[0]);
    expect(fake.embeddingRequests()).toHaveLength(1);
  });
});

/** The body of the n-th chat request the fake received. */
function sentBody(index: number): ChatBody {
  const request = fake.chatRequests()[index];
  if (!request) throw new Error(`the fake received no chat request #${index}`);
  return request.body as ChatBody;
}
