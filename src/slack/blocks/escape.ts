/**
 * Everything that came from outside (titles, abstracts, feed text, model output) passes
 * through here before it reaches Slack mrkdwn, so no feed can ping a channel or hide a link.
 */

const ELLIPSIS = '…';

// Slack only turns "@channel" into a ping with link_names, but a word joiner keeps it inert either way.
const BARE_MENTION = /@(channel|here|everyone)\b/gi;

/** Escapes `&`, `<`, `>` (which defuses `<!channel>`, `<@U123>`, `<https://evil|click>`) and bare @channel. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BARE_MENTION, '@\u2060$1');
}

/**
 * Escaped text for use inside `*bold*`: an asterisk in a title would end the bold early, and
 * Slack leaves the asterisks showing when a space stands before a colon ("PCR : are…"), so
 * that space goes.
 */
export function escapeBold(text: string): string {
  return escapeMrkdwn(text.replace(/\*/g, '∗').replace(/\s+:(?=\s|$)/g, ':'));
}

/** Shortens `text` to at most `max` characters, on a word boundary, ending with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const room = text.slice(0, max - ELLIPSIS.length);
  const endsOnWord = /\s/.test(text.charAt(room.length));
  const lastSpace = endsOnWord ? room.length : room.search(/\s\S*$/);
  // A single very long word (a URL, a gene list) is cut mid-word rather than dropped entirely.
  const cut = lastSpace > room.length / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}${ELLIPSIS}`;
}

/**
 * Escapes outside text and shortens it so the escaped result fits `max` characters; escaping
 * lengthens text (`&` → `&amp;`), and cutting after escaping could split an entity.
 */
export function escapeWithin(
  text: string,
  max: number,
  escapeText: (text: string) => string = escapeMrkdwn,
): string {
  let budget = max;
  for (;;) {
    const escaped = escapeText(truncate(text, budget));
    if (escaped.length <= max || budget <= 1) return escaped.slice(0, max);
    budget -= escaped.length - max;
  }
}

/**
 * A mrkdwn link. `url` must be an http(s) URL built by our code from stored identifiers; the
 * label is outside text and is escaped.
 */
export function link(url: string, label: string): string {
  if (!isLinkable(url)) {
    throw new Error(`Refusing to link a non-http(s) URL: ${String(url).slice(0, 80)}`);
  }
  const safeUrl = new URL(url).href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  return `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** True for URLs `link` accepts. */
export function isLinkable(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url) && URL.canParse(url);
}

/**
 * Escapes a long text into pieces of at most `max` characters each, split between sentences
 * (or words, for a sentence longer than `max`), nothing dropped.
 */
export function escapeInChunks(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces(text, max)) {
    const joined = current ? `${current} ${piece}` : piece;
    if (joined.length <= max) {
      current = joined;
    } else {
      if (current) chunks.push(current);
      current = piece;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Escaped sentences, each cut into word runs that fit `max` when needed. */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  for (const sentence of text.trim().split(/(?<=[.!?])\s+/)) {
    const escaped = escapeMrkdwn(sentence);
    if (escaped.length <= max) {
      out.push(escaped);
      continue;
    }
    let run = '';
    for (const word of sentence.split(/\s+/)) {
      const escapedWord = escapeMrkdwn(word);
      for (let start = 0; start < escapedWord.length; start += max) {
        const part = escapedWord.slice(start, start + max);
        if (run && run.length + 1 + part.length > max) {
          out.push(run);
          run = part;
        } else {
          run = run ? `${run} ${part}` : part;
        }
      }
    }
    if (run) out.push(run);
  }
  return out.filter(Boolean);
}
