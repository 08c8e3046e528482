/**
 * Model output is outside text. The Slack renderer escapes `&`, `<`, `>` in it later; this
 * removes, before any check or storage, what should never be in a summary at all: Slack
 * control sequences (`<!channel>`, `<@U123>`, `<#C123>`, `<!subteam^…>`), link markup and bare
 * URLs (links are built from stored metadata only), and broadcast words like "@here".
 */
const SLACK_CONTROL_RE = /<[!@#][^<>]*>/g;
const LINK_MARKUP_RE = /<(?:https?|mailto):[^<>]*>/gi;
const BARE_URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const BROADCAST_RE = /(^|[^\w@])@(?:channel|here|everyone)\b/gi;

export function sanitizeModelText(text: string): string {
  return text
    .replace(SLACK_CONTROL_RE, ' ')
    .replace(LINK_MARKUP_RE, ' ')
    .replace(BARE_URL_RE, ' ')
    .replace(BROADCAST_RE, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Paper text sent to the model must not be able to close the tag that marks it as data. */
export function fenceData(text: string, tag: string): string {
  return text.replace(new RegExp(`</?\\s*${tag}\\s*>`, 'gi'), ' ');
}
