import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { InvalidModelOutputError, toLlmError } from './llm-errors.js';
import type { RenderedPrompt } from './prompts.js';

/** Sent back with the model's own answer when it was not valid; the model gets exactly one more try. */
export const REPAIR_INSTRUCTION =
  'Your previous answer was not valid JSON for the required schema. Reply again with only the corrected JSON object. The problem was:';

const MAX_ERROR_CHARS = 1_500;

export interface StructuredRequest<T> {
  openai: OpenAI;
  model: string;
  rendered: RenderedPrompt;
  /** Name of the structured-output format (letters, digits, `_`, `-`). */
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  schema: z.ZodType<T>;
  maxOutputTokens: number;
}

export interface StructuredResult<T> {
  value: T;
  promptTokens: number;
  completionTokens: number;
  requests: number;
}

/**
 * `problem` goes back to the model and may quote its answer; `summary` is what an error (and so
 * a log line) carries: which check failed and where, never the answer's text.
 */
type Attempt<T> = { ok: true; value: T } | { ok: false; problem: string; summary: string };

/**
 * Asks for JSON in the given schema and validates it with zod. An answer that is not JSON or
 * breaks the schema is sent back once with the error; a second bad answer throws
 * InvalidModelOutputError. Token counts of both requests are kept.
 */
export async function requestStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.rendered.system) messages.push({ role: 'system', content: request.rendered.system });
  messages.push({ role: 'user', content: request.rendered.user });

  const first = await complete(request, messages);
  const firstAttempt = validate(first.content, request.schema);
  if (firstAttempt.ok) return { value: firstAttempt.value, ...first.tokens, requests: 1 };

  const repairMessages: ChatCompletionMessageParam[] = [
    ...messages,
    { role: 'assistant', content: first.content },
    { role: 'user', content: `${REPAIR_INSTRUCTION}\n${firstAttempt.problem}` },
  ];
  const second = await complete(request, repairMessages);
  const tokens = {
    promptTokens: first.tokens.promptTokens + second.tokens.promptTokens,
    completionTokens: first.tokens.completionTokens + second.tokens.completionTokens,
  };
  const secondAttempt = validate(second.content, request.schema);
  if (secondAttempt.ok) return { value: secondAttempt.value, ...tokens, requests: 2 };
  throw new InvalidModelOutputError(secondAttempt.summary, { ...tokens, requests: 2 });
}

async function complete<T>(
  request: StructuredRequest<T>,
  messages: ChatCompletionMessageParam[],
): Promise<{ content: string; tokens: { promptTokens: number; completionTokens: number } }> {
  let completion: OpenAI.Chat.Completions.ChatCompletion;
  try {
    completion = await request.openai.chat.completions.create({
      model: request.model,
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: { name: request.schemaName, strict: true, schema: request.jsonSchema },
      },
      max_completion_tokens: request.maxOutputTokens,
    });
  } catch (error) {
    throw toLlmError(error);
  }
  const message = completion.choices?.[0]?.message;
  const tokens = {
    promptTokens: completion.usage?.prompt_tokens ?? 0,
    completionTokens: completion.usage?.completion_tokens ?? 0,
  };
  if (message?.refusal) return { content: '', tokens };
  return { content: message?.content ?? '', tokens };
}

function validate<T>(content: string, schema: z.ZodType<T>): Attempt<T> {
  if (content.trim() === '') return { ok: false, problem: 'The answer was empty.', summary: 'empty answer' };
  let json: unknown;
  try {
    json = JSON.parse(withoutCodeFence(content));
  } catch (error) {
    const problem = `Not valid JSON: ${(error as Error).message}`.slice(0, MAX_ERROR_CHARS);
    return { ok: false, problem, summary: 'answer is not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const paths = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
  return {
    ok: false,
    problem: z.prettifyError(parsed.error).slice(0, MAX_ERROR_CHARS),
    summary: `schema violated at ${paths.slice(0, 5).join(', ')}`,
  };
}

/** Some compatible servers wrap JSON in a Markdown fence even when asked for a schema. */
function withoutCodeFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(content);
  return fenced ? (fenced[1] as string) : content;
}
