import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { itemDraftSchema } from '../../src/llm/item-schema.js';
import { toStrictJsonSchema } from '../../src/llm/strict-schema.js';

type Node = { [key: string]: unknown };

function objectsIn(node: unknown): Node[] {
  if (Array.isArray(node)) return node.flatMap(objectsIn);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as Node).type === 'object' ? [node as Node] : [];
  return [...own, ...Object.values(node as Node).flatMap(objectsIn)];
}

describe('toStrictJsonSchema', () => {
  it('makes every object of the item schema closed with all properties required', () => {
    const schema = toStrictJsonSchema(itemDraftSchema);
    const objects = objectsIn(schema);
    expect(objects.length).toBeGreaterThanOrEqual(2);
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false);
      expect([...(object.required as string[])].sort()).toEqual(
        Object.keys(object.properties as Node).sort(),
      );
    }
  });

  it('leaves out keywords strict mode does not accept, such as minLength', () => {
    const text = JSON.stringify(toStrictJsonSchema(z.object({ a: z.string().min(1) })));
    expect(text).not.toContain('minLength');
    expect(text).not.toContain('$schema');
  });

  it('refuses an optional field, which strict mode cannot express', () => {
    expect(() => toStrictJsonSchema(z.object({ a: z.string().optional() }))).toThrow(/optional fields \(a\)/);
  });
});
