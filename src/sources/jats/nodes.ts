import type { OrderedNode } from '../xml.js';

/**
 * Reading a JATS document parsed in order (`parseXmlOrdered`): element names, attributes,
 * children, and the text of mixed content with chosen elements left out.
 */

const ATTRIBUTES = ':@';
const TEXT = '#text';
/** Elements that end a run of words: their text is kept apart from the next element's. */
const SPACED = new Set(['p', 'title', 'break', 'list-item', 'td', 'th', 'label', 'caption', 'kwd']);

export function nameOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ATTRIBUTES && key !== TEXT);
}

export function childrenOf(node: OrderedNode | undefined): OrderedNode[] {
  const name = node ? nameOf(node) : undefined;
  const children = name ? (node as OrderedNode)[name] : undefined;
  return Array.isArray(children) ? (children as OrderedNode[]) : [];
}

export function attributeOf(node: OrderedNode | undefined, name: string): string | undefined {
  const attributes = node?.[ATTRIBUTES] as Record<string, unknown> | undefined;
  const value = attributes?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** Direct children with this element name, in document order. */
export function elements(node: OrderedNode | undefined, name: string): OrderedNode[] {
  return childrenOf(node).filter((child) => nameOf(child) === name);
}

export function element(node: OrderedNode | undefined, name: string): OrderedNode | undefined {
  return childrenOf(node).find((child) => nameOf(child) === name);
}

/** The first element with this name among the nodes or their descendants, depth first. */
export function findElement(nodes: OrderedNode[], name: string): OrderedNode | undefined {
  for (const node of nodes) {
    if (nameOf(node) === name) return node;
    const found = findElement(childrenOf(node), name);
    if (found) return found;
  }
  return undefined;
}

/**
 * The words of an element as a reader sees them: text runs in order, inline markup
 * (italics, superscripts, citations) kept in place, whitespace collapsed; elements named in
 * `skip` (a table inside a paragraph, a formula) left out.
 */
export function textOf(node: OrderedNode | undefined, skip: ReadonlySet<string> = new Set()): string {
  if (!node) return '';
  const parts: string[] = [];
  const walk = (current: OrderedNode) => {
    const text = current[TEXT];
    if (typeof text === 'string' || typeof text === 'number') {
      parts.push(String(text));
      return;
    }
    const name = nameOf(current);
    if (!name || skip.has(name)) return;
    if (SPACED.has(name)) parts.push(' ');
    for (const child of childrenOf(current)) walk(child);
    if (SPACED.has(name)) parts.push(' ');
  };
  for (const child of childrenOf(node)) walk(child);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
