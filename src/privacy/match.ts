import type { PhiKind, PhiSpan } from './spans.js';

/**
 * Spans of every match of `pattern` (global). With `group`, only that capture group is the
 * identifier and the rest of the match (a label such as "MRN:") stays; the pattern must use
 * the `d` flag so group offsets are known.
 */
export function spansOf(
  text: string,
  pattern: RegExp,
  kind: PhiKind,
  options: { group?: number; accept?: (value: string, match: RegExpExecArray) => boolean } = {},
): PhiSpan[] {
  const spans: PhiSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const range = options.group
      ? match.indices?.[options.group]
      : [match.index, match.index + match[0].length];
    if (!range) continue;
    const [start = 0, end = 0] = range;
    if (options.accept && !options.accept(text.slice(start, end), match)) continue;
    spans.push({ start, end, kind });
  }
  return spans;
}
