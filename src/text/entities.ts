import { parseHTML } from 'linkedom';

const ENTITY_RE = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

// Named entities are looked up through linkedom's HTML parser (the full HTML5 table) one entity
// at a time, never the surrounding text: parsing free text as HTML would swallow "x<y" as a tag.
const namedCache = new Map<string, string>();
interface Scratch {
  innerHTML: string;
  textContent: string | null;
}
let scratchElement: Scratch | undefined;

function scratch(): Scratch {
  if (scratchElement) return scratchElement;
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const element: Scratch = document.createElement('span');
  scratchElement = element;
  return element;
}

function decodeNamed(name: string): string {
  const cached = namedCache.get(name);
  if (cached !== undefined) return cached;
  const element = scratch();
  element.innerHTML = `&${name};`;
  const decoded = element.textContent ?? `&${name};`;
  namedCache.set(name, decoded);
  return decoded;
}

function decodeCodePoint(code: number, raw: string): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return raw;
  return String.fromCodePoint(code);
}

/** Decodes named and numeric HTML entities once ("&amp;lt;" becomes "&lt;", as a browser shows it). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (raw, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return decodeCodePoint(Number.parseInt(body.slice(2), 16), raw);
    if (body.startsWith('#')) return decodeCodePoint(Number.parseInt(body.slice(1), 10), raw);
    return decodeNamed(body);
  });
}
