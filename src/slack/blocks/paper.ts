import type { types } from '@slack/bolt';
import { labelsOf } from '../../digest/labels.js';
import { paperUrl } from '../../digest/links.js';
import type { ItemSummary, KeyNumber, Paper } from '../../types.js';
import { escapeBold, escapeInChunks, escapeWithin, isLinkable, link, truncate } from './escape.js';
import {
  button,
  context,
  identifierLinks,
  labelLine,
  metaLine,
  SLACK_LIMITS,
  section,
  studyTypeLine,
} from './paper-meta.js';

type Block = types.KnownBlock;

/** Action id of the "Abstract" button on a single-paper view; its value is `{ paperId }`. */
export const PAPER_ACTIONS = { abstract: 'paper_abstract' } as const;

const MAX_KEY_NUMBERS = 6;
const KEY_SENTENCE_MAX = 220;
/** Leaves room for the title block and a closing link inside a 50-block message. */
const MAX_ABSTRACT_SECTIONS = SLACK_LIMITS.blocksPerMessage - 2;

/** One paper for `/lit paper`: takeaway, key numbers with their sentences, links, Abstract button. */
export function renderPaperBlocks(paper: Paper, summary: ItemSummary): Block[] {
  const lines: string[] = [];
  const labels = labelLine(labelsOf(paper));
  if (labels) lines.push(labels);
  const headline = escapeWithin(summary.headline || paper.title, 200, escapeBold);
  lines.push(`*${headline}* · ${studyTypeLine(summary)} · evidence: ${summary.evidence}`);
  if (summary.takeaway) lines.push(escapeWithin(summary.takeaway, 1500));
  if (summary.whyItMatters) lines.push(`_Why it matters:_ ${escapeWithin(summary.whyItMatters, 500)}`);

  const blocks: Block[] = [section(lines.join('\n'))];
  if (summary.keyNumbers.length > 0) blocks.push(section(keyNumbersText(summary.keyNumbers)));
  if (summary.limitations.length > 0) {
    blocks.push(section(`_Limitations:_ ${escapeWithin(summary.limitations.join('; '), 800)}`));
  }
  blocks.push(context(paperContext(paper)));
  blocks.push({
    type: 'actions',
    elements: [button('Abstract', PAPER_ACTIONS.abstract, { paperId: paper.id })],
  });
  return blocks;
}

/** The paper's abstract, section by section, split so no section text passes 3000 characters. */
export function renderAbstractBlocks(paper: Paper): Block[] {
  const blocks: Block[] = [section(`*${escapeWithin(paper.title, 500, escapeBold)}*`)];
  const texts = paper.abstract.flatMap((part) => {
    const label = part.label ? `*${escapeWithin(part.label, 80, escapeBold)}* ` : '';
    return escapeInChunks(part.text, SLACK_LIMITS.sectionText - label.length).map((chunk, index) =>
      index === 0 ? `${label}${chunk}` : chunk,
    );
  });
  if (texts.length === 0) blocks.push(section('No abstract is stored for this paper.'));
  for (const text of texts.slice(0, MAX_ABSTRACT_SECTIONS)) blocks.push(section(text));
  const url = paperUrl(paper);
  const more = texts.length > MAX_ABSTRACT_SECTIONS ? 'The abstract continues at the source. ' : '';
  const source = isLinkable(url) ? link(url, 'Read it at the source') : '';
  if (more || source) blocks.push(context(`${more}${source}`.trim()));
  return blocks;
}

function keyNumbersText(numbers: KeyNumber[]): string {
  const lines = numbers.slice(0, MAX_KEY_NUMBERS).map((number) => {
    const sentence = escapeWithin(number.sentence, KEY_SENTENCE_MAX);
    return `• *${escapeWithin(number.value, 80, escapeBold)}* — “${sentence}”`;
  });
  return ['*Key numbers*', ...lines].join('\n');
}

function paperContext(paper: Paper): string {
  const url = paperUrl(paper);
  const title = isLinkable(url) ? link(url, truncate(paper.title, 300)) : escapeWithin(paper.title, 300);
  const date = paper.publishedDateText ?? paper.publishedDate;
  return [title, metaLine({ journal: paper.journal, date }, identifierLinks(paper))].join('\n');
}
