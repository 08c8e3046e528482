/**
 * Slash command text arrives Slack-encoded: `&`, `<`, `>` as entities and links as `<url>` or
 * `<url|label>`. Subcommands parse what the user typed, so decode before parsing; every
 * echo back to Slack escapes again.
 */
export function decodeCommandText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
