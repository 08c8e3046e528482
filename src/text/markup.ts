import { decodeEntities } from './entities.js';

/** Tags that end a line of text; every other known tag is inline and adds no space. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
  'abstracttext',
  'title',
  'sec',
  'list-item',
]);

const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'big',
  'bold',
  'cite',
  'code',
  'del',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'italic',
  'kbd',
  'mark',
  'q',
  's',
  'sc',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'tt',
  'u',
  'underline',
  'var',
  'wbr',
  'xref',
  'ext-link',
  'inline-formula',
  'named-content',
  'label',
  'time',
  'body',
  'html',
  'tbody',
  'thead',
  'tfoot',
  'colgroup',
  'col',
  'center',
]);

/** Elements whose content is never reader text. */
const DROPPED_ELEMENTS = ['script', 'style', 'noscript', 'template', 'head', 'svg'];

const DROPPED_RE = new RegExp(`<(${DROPPED_ELEMENTS.join('|')})\\b[^>]*>[\\s\\S]*?</\\1\\s*>`, 'gi');
const COMMENT_RE = /<!--[\s\S]*?-->|<!\[CDATA\[|\]\]>|<![A-Za-z][^>]*>|<\?[\s\S]*?\?>/g;
const MATH_RE = /<((?:[A-Za-z]+:)?math)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
const EMPHASIS_RE = /(\p{L})?<(i|b|em|strong|u|italic|bold)(?:\s[^<>]*)?>([^<]*)<\/\2\s*>(\p{L})?/giu;
const SUP_RE = /<sup\b[^>]*>([\s\S]*?)<\/sup\s*>/gi;
const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9-]*(?::[A-Za-z0-9-]+)?)((?:\s[^<>]*)?)\/?>/g;

const CITATION_LIST_RE = /^\s*\d+(?:\s*[,–-]\s*\d+)+\s*$/;
const INLINE_MARK_RE = /^\s*[+\-−–®™°*†‡§]+\s*$/;

/**
 * Superscripts become "^9" (10<sup>9</sup> → "10^9") so an exponent never merges into its base
 * ("109"). Reference lists ("1,3-5") become "[1,3-5]", the form scraped pages already use, and
 * charges and marks stay inline (CD4<sup>+</sup> → "CD4+", Gleevec<sup>®</sup> → "Gleevec®").
 */
function renderSuperscript(_: string, rawInner: string): string {
  const inner = rawInner.replace(/<[^>]*>/g, '');
  if (CITATION_LIST_RE.test(inner)) return `[${inner.replace(/\s+/g, '')}]`;
  if (INLINE_MARK_RE.test(inner)) return inner.trim();
  return `^${inner.trim()}`;
}

/** MathML keeps its characters; the layout whitespace between its elements goes. */
function renderMath(_: string, _name: string, inner: string): string {
  return inner
    .replace(/>\s+</g, '><')
    .replace(/<[^>]*>/g, '')
    .trim();
}

/**
 * PubMed XML often drops the spaces around an inline element ("at the<i>TERT</i>gene"); a word
 * glued to emphasized words on either side gets its space back. Subscripts and superscripts are
 * not emphasis and stay glued ("CO<sub>2</sub>").
 */
function renderEmphasis(
  _: string,
  before: string | undefined,
  _tag: string,
  inner: string,
  after: string | undefined,
): string {
  const spaceBefore = before && /^\p{L}/u.test(inner) ? ' ' : '';
  const spaceAfter = after && /\p{L}$/u.test(inner) ? ' ' : '';
  return `${before ?? ''}${spaceBefore}${inner}${spaceAfter}${after ?? ''}`;
}

function isKnownTag(name: string): boolean {
  const lower = name.toLowerCase();
  return BLOCK_TAGS.has(lower) || INLINE_TAGS.has(lower) || lower.includes(':');
}

const BLOCK_TAG_RE = new RegExp(`</?(${[...BLOCK_TAGS].join('|')})\\b[^<>]*>`, 'i');
// Placeholders while tags are replaced: a run of adjacent block boundaries is one line break,
// or one blank line when a paragraph starts in it.
const LINE_BREAK = '\ue000';
const PARAGRAPH_BREAK = '\ue001';
const BREAK_RUN_RE = /[\ue000\ue001][\s\ue000\ue001]*/g;

/** Unicode spaces and invisible characters that scraped pages and feeds carry. */
const ODD_SPACE_RE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;
const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Collapses spaces within lines and blank lines to at most one, keeping paragraph breaks. */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE_RE, '')
    .replace(ODD_SPACE_RE, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Inline markup (PubMed <i>/<sup>/<sub>, MathML, feed HTML) to plain text. Inline tags vanish
 * without adding spaces, so "<i>TERT</i> promoter" and "CO<sub>2</sub>" read as written; block tags
 * end a line; entities are decoded after the tags are gone, so an escaped "&lt;i&gt;" stays
 * visible text. Text that is not markup ("p < 0.05", "x<y") is left alone.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<')) return normalizeWhitespace(decodeEntities(html));
  // In an HTML document a newline is just a space; block tags say where lines end.
  const source = BLOCK_TAG_RE.test(html) ? html.replace(/\s+/g, ' ') : html;
  const text = source
    .replace(DROPPED_RE, ' ')
    .replace(COMMENT_RE, '')
    .replace(MATH_RE, renderMath)
    .replace(EMPHASIS_RE, renderEmphasis)
    .replace(SUP_RE, renderSuperscript)
    .replace(TAG_RE, (raw, closing: string, name: string) => {
      if (!isKnownTag(name)) return raw;
      const lower = name.toLowerCase();
      if (!BLOCK_TAGS.has(lower)) return '';
      return lower === 'p' && !closing ? PARAGRAPH_BREAK : LINE_BREAK;
    })
    .replace(BREAK_RUN_RE, (run) => (run.includes(PARAGRAPH_BREAK) ? '\n\n' : '\n'));
  return normalizeWhitespace(decodeEntities(text));
}
