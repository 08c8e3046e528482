import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedError } from '../errors.js';

/**
 * A document that declares its own entities is refused outright: no real PubMed or journal
 * feed needs them, and they are how entity-expansion ("billion laughs") bombs work.
 */
const ENTITY_DECLARATION = /<!ENTITY/i;

export function assertNoEntityDeclarations(xml: string, feedId: string): void {
  if (ENTITY_DECLARATION.test(xml)) {
    throw new FeedError(
      feedId,
      `Feed ${feedId} declares its own XML entities, which is not allowed; it was refused.`,
      {
        retryable: false,
      },
    );
  }
}

export interface SafeXmlOptions {
  /** Elements kept as raw inner markup (e.g. `<i>`/`<sup>` inside a title), in document order. */
  rawElements?: string[];
  /** Elements always parsed as arrays, even with one child. */
  arrays?: string[];
}

/**
 * Parses XML with entity declarations refused and only the predefined and numeric entities
 * decoded. Malformed XML becomes a FeedError naming the feed instead of a crash.
 */
export function parseXml(xml: string, feedId: string, options: SafeXmlOptions = {}): Record<string, unknown> {
  assertWellFormed(xml, feedId);
  const arrays = new Set(options.arrays ?? []);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 100_000 },
    // Named HTML and numeric character references (&#xe5;) are fixed tables, not declarations: safe to decode.
    htmlEntities: true,
    stopNodes: (options.rawElements ?? []).map((name) => `*.${name}`),
    isArray: (name) => arrays.has(name),
  });
  try {
    return parser.parse(xml) as Record<string, unknown>;
  } catch (cause) {
    throw new FeedError(feedId, `Feed ${feedId} sent XML that could not be read.`, {
      cause,
      retryable: false,
    });
  }
}

/**
 * One node of a document parsed in order: an element (`{ name: children, ':@': attributes }`)
 * or a text run (`{ '#text': text }`). Mixed content (a paragraph with italics and citations
 * inside) keeps its order and its spaces, which `parseXml` cannot promise.
 */
export type OrderedNode = Record<string, unknown>;

/** `parseXml`'s safety (entities refused, malformed XML a FeedError) for documents read in order. */
export function parseXmlOrdered(xml: string, feedId: string): OrderedNode[] {
  assertWellFormed(xml, feedId);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 100_000 },
    htmlEntities: true,
  });
  try {
    return parser.parse(xml) as OrderedNode[];
  } catch (cause) {
    throw new FeedError(feedId, `Feed ${feedId} sent XML that could not be read.`, {
      cause,
      retryable: false,
    });
  }
}

function assertWellFormed(xml: string, feedId: string): void {
  assertNoEntityDeclarations(xml, feedId);
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line } = validation.err;
    throw new FeedError(feedId, `Feed ${feedId} sent malformed XML (line ${line}: ${msg}).`, {
      retryable: false,
    });
  }
}

/** Text of a parsed node: a string, or the `#text` of an element that also has attributes. */
export function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node)
    return textOf((node as { '#text': unknown })['#text']);
  return undefined;
}

export function attributeOf(node: unknown, name: string): string | undefined {
  if (node && typeof node === 'object') {
    const value = (node as Record<string, unknown>)[`@_${name}`];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** A node that may be absent, single or repeated, as an array. */
export function listOf<T = unknown>(node: unknown): T[] {
  if (node === undefined || node === null || node === '') return [];
  return (Array.isArray(node) ? node : [node]) as T[];
}

export function childOf(node: unknown, name: string): unknown {
  return node && typeof node === 'object' ? (node as Record<string, unknown>)[name] : undefined;
}
