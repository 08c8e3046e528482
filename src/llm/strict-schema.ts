import { z } from 'zod';

/**
 * Keywords that OpenAI's strict structured outputs (and the compatible local servers we know)
 * accept. Everything else, such as `maxLength`, is removed from what is sent; zod still enforces
 * it when the answer comes back, and a violation goes through the repair attempt.
 */
const KEPT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'description',
  '$defs',
  '$ref',
]);

type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema sent as `response_format` for a zod schema. Strict mode needs every property
 * required and no extra properties, so an optional field is a programming error here: model it
 * as `.nullable()` instead.
 */
export function toStrictJsonSchema(schema: z.ZodType): JsonSchema {
  const converted = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as JsonSchema;
  return strip(converted, '$') as JsonSchema;
}

function strip(node: unknown, where: string): unknown {
  if (Array.isArray(node)) return node.map((child, i) => strip(child, `${where}[${i}]`));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (!KEPT_KEYWORDS.has(key)) continue;
    if (key === 'properties' || key === '$defs') {
      out[key] = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, child]) => [name, strip(child, `${where}.${name}`)]),
      );
    } else {
      out[key] = strip(value, where);
    }
  }
  if (out.type === 'object') assertStrictObject(out, where);
  return out;
}

function assertStrictObject(node: JsonSchema, where: string): void {
  const names = Object.keys((node.properties as JsonSchema | undefined) ?? {});
  const required = new Set((node.required as string[] | undefined) ?? []);
  const optional = names.filter((name) => !required.has(name));
  if (optional.length > 0) {
    throw new TypeError(
      `Structured-output schema at ${where} has optional fields (${optional.join(', ')}); use .nullable().`,
    );
  }
  node.additionalProperties = false;
}
