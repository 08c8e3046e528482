/**
 * What the guard found: character ranges of the original text and the kind of identifier each
 * is. Detectors return spans independently; `resolveSpans` merges overlaps so every character
 * is redacted at most once, under the most specific kind.
 */

/** Kinds, in the order a redaction notice lists them (the most specific first). */
export const PHI_KINDS = [
  'email',
  'URL',
  'SSN',
  'MRN',
  'card number',
  'account number',
  'licence number',
  'IP address',
  'date of birth',
  'date',
  'address',
  'phone',
  'ZIP code',
  'age over 89',
  'name',
] as const;

export type PhiKind = (typeof PHI_KINDS)[number];

export interface PhiSpan {
  /** Offset of the first character, in UTF-16 code units of the original text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  kind: PhiKind;
}

const RANK = new Map<PhiKind, number>(PHI_KINDS.map((kind, index) => [kind, index]));

/** Sorted, non-overlapping spans: overlapping or touching spans of any kinds become one. */
export function resolveSpans(spans: PhiSpan[]): PhiSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PhiSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (rank(span.kind) < rank(last.kind)) last.kind = span.kind;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** The text with each span replaced by its kind in brackets ("[name]"). */
export function applySpans(text: string, spans: PhiSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += `${text.slice(at, span.start)}[${span.kind}]`;
    at = span.end;
  }
  return out + text.slice(at);
}

/** Each kind once, in the notice order of `PHI_KINDS`. */
export function kindsOf(spans: PhiSpan[]): PhiKind[] {
  const found = new Set(spans.map((s) => s.kind));
  return PHI_KINDS.filter((kind) => found.has(kind));
}

function rank(kind: PhiKind): number {
  return RANK.get(kind) ?? PHI_KINDS.length;
}
