import type { types } from '@slack/bolt';
import { readableHeading } from '../../text/index.js';
import type { Answer, Citation } from '../../types.js';
import { escapeInChunks, escapeMrkdwn, isLinkable, link, truncate } from './escape.js';
import { context, SLACK_LIMITS, section } from './paper-meta.js';

type Block = types.KnownBlock;

export const ANSWER_FOOTER = 'Evidence summary for tumor-board discussion, not medical advice.';
const TITLE_MAX = 160;
const QUOTE_MAX = 600;

export interface RenderedAnswer {
  /** Notification and accessibility text. */
  text: string;
  blocks: Block[];
}

/**
 * An answer as Block Kit: the answer text, the numbered citations (link, ids, what the quote
 * was checked against, the verbatim quote), and the not-medical-advice footer. All outside
 * text (answer, titles, quotes) is escaped; long parts are split to fit Slack's limits.
 */
export function renderAnswerBlocks(answer: Answer): RenderedAnswer {
  const blocks: Block[] = escapeInChunks(answer.text, SLACK_LIMITS.sectionText).map(section);
  // Extractive answers are the quotes themselves; repeating them under the citations is noise on a phone.
  const showQuotes = answer.mode !== 'extractive';
  const lines = answer.citations.map((citation, i) => citationLine(citation, `[${i + 1}]`, showQuotes));
  if (!answer.answered && answer.closest) lines.push(citationLine(answer.closest, 'Closest paper:', true));
  blocks.push(...packLines(lines));
  const footer = context(escapeMrkdwn(ANSWER_FOOTER));
  const fitted = blocks.slice(0, SLACK_LIMITS.blocksPerMessage - 1);
  return { text: escapeMrkdwn(truncate(answer.text, SLACK_LIMITS.sectionText)), blocks: [...fitted, footer] };
}

function citationLine(citation: Citation, marker: string, withQuote: boolean): string {
  const title = truncate(citation.title, TITLE_MAX);
  const titlePart = isLinkable(citation.url) ? link(citation.url, title) : escapeMrkdwn(title);
  const ids = [
    citation.pmid ? `PMID ${escapeMrkdwn(citation.pmid)}` : undefined,
    basisLabel(citation),
  ].filter(Boolean);
  const head = `*${marker}* ${titlePart} · ${ids.join(' · ')}`;
  return withQuote ? `${head}\n> “${escapeMrkdwn(truncate(citation.quote, QUOTE_MAX))}”` : head;
}

/** What the quote was checked against, and where it stands: "full text (Results)", "abstract only (Table 2)". */
function basisLabel(citation: Citation): string {
  const basis = citation.basis === 'full text' ? 'full text' : 'abstract only';
  const section =
    citation.section && citation.section !== 'full text' ? readableHeading(citation.section) : '';
  return section ? `${basis} (${escapeMrkdwn(section)})` : basis;
}

/** Citation lines packed into as few sections as fit 3000 characters each. */
function packLines(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const line of lines) {
    const piece = line.slice(0, SLACK_LIMITS.sectionText);
    if (current && current.length + 1 + piece.length > SLACK_LIMITS.sectionText) {
      blocks.push(section(current));
      current = piece;
    } else {
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current) blocks.push(section(current));
  return blocks;
}
