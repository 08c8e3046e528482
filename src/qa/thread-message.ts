/**
 * Whether a message in a digest thread (or a direct message) asks the app something. People also
 * thank, schedule, share and joke in those threads; only questions and requests get an answer.
 * Mentions of the app are answered whatever they say, by their own listener.
 */

/** Links, emoji codes and pictographs carry no question. */
const NOISE = /<https?:[^>]*>|:[a-z0-9_+-]+:|\p{Extended_Pictographic}|\u{FE0F}/gu;
/** A message that opens by naming a colleague is addressed to them ("@maria can you present…"). */
const TO_A_COLLEAGUE = /^\s*(?:<@[UW][A-Z0-9]+(?:\|[^>]*)?>|@[\p{L}][\p{L}.-]*)/u;
/** Openers that add nothing: "quick q —", "hmm", "ok so". */
const FILLER =
  /^\s*(?:(?:quick|small|dumb|random) (?:q|qs|question)\b[\s:,—–-]*|hmm+\b[\s,]*|ok(?:ay)?\b[\s,]+(?:so\b[\s,]*)?|so\b[\s,]+|btw\b[\s,]*|also\b[\s,]+)+/i;
/** Meetings, links and logistics: how the board runs, not what the papers say. */
const LOGISTICS =
  /\b(?:zoom|teams link|meeting link|lunch|room|resched\w*|move (?:this|it|the case)|next week'?s? (?:board|meeting)|running (?:\d+ min )?late|late to (?:board|the meeting)|agenda|submit (?:your |the )?cases|case list|'?s list\b|slides?|calendar|invite|wrong thread|forward(?:ed|ing)? (?:this|it|to)|posting the|present(?:ing)? (?:this|the|it)\b)/i;
/** Laughter marks a remark, even one shaped like a question ("who even reads page 2 lol"). */
const LAUGHTER = /\b(?:lol|lmao|haha+|hehe)\b/i;
/**
 * What a person says to ask: a question word first ("what was…", "any data on…"), or an
 * auxiliary followed by what it asks about ("does the GIST one…"; not "will look tonight").
 */
const ASKS =
  /^\s*(?:(?:what|whats|what's|how|which|who|whom|whose|when|where|why|any|anyone|anybody)\b|(?:does|did|do|is|isn't|are|was|were|can|could|should|would|will|has|have|had)\s+(?:the|this|that|these|those|it|they|there|any|anyone|anybody|someone|we|you|he|she|a|an|their|its)\b)/i;
const REQUESTS =
  /\b(?:summari[sz]e|summary of|tl;?dr|eli5|pull (?:up )?the|compare|explain|remind me|looking for|find (?:me )?the|show (?:me )?the|list the|give me|tell me|break (?:it )?down|what about|wondering (?:if|whether|about|what|how)|curious (?:if|whether|about|what|how)|any idea|need the|want the)\b/i;

export function asksTheApp(message: string): boolean {
  const text = message.replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  if (TO_A_COLLEAGUE.test(text) || LOGISTICS.test(text) || LAUGHTER.test(text)) return false;
  const body = text.replace(FILLER, '');
  return body.includes('?') || ASKS.test(body) || REQUESTS.test(body);
}
