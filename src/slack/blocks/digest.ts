import type { types } from '@slack/bolt';
import { topicInWords } from '../../digest/topic-words.js';
import type { ChannelProfile, Digest, DigestItem } from '../../types.js';
import { escapeBold, escapeMrkdwn, escapeWithin, isLinkable, link, truncate } from './escape.js';
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
import { periodLabel } from './period-label.js';

type Block = types.KnownBlock;

/** Action ids of the digest buttons; the Slack app registers its handlers on these. */
export const DIGEST_ACTIONS = {
  abstract: 'digest_abstract',
  relevant: 'digest_feedback_relevant',
  notRelevant: 'digest_feedback_not_relevant',
  ask: 'digest_ask',
} as const;

/** What every digest button carries in its `value` (JSON). */
export interface DigestButtonValue {
  digestId: string;
  paperId: string;
}

export interface RenderDigestOptions {
  /** Channel name for the header ("heme-malignancies"). */
  channelName?: string;
}

export interface RenderedDigest {
  /** Notification and accessibility text. */
  text: string;
  blocks: Block[];
  /** Items that did not fit, to post as one reply in the digest's thread; empty when all fit. */
  overflow: Block[];
}

const HEADLINE_MAX = 200;
const TAKEAWAY_MAX = 1500;
const WHY_MAX = 500;
const NOTE_MAX = 300;
const TITLE_MAX = 300;

/**
 * Renders a digest as Block Kit: header, intro, one section + context + buttons per item, a
 * footer. Pure. Every outside string is escaped and every limit respected; items past the
 * 50-block limit go to `overflow` (itself capped, with a count of what is left out).
 */
export function renderDigestBlocks(digest: Digest, options: RenderDigestOptions = {}): RenderedDigest {
  const head: Block[] = [headerBlock(digest, options)];
  if (digest.intro.trim()) head.push(section(escapeWithin(digest.intro, SLACK_LIMITS.sectionText)));
  const footer = footerBlock(digest);
  const groups = digest.items.map((item, index) => itemBlocks(digest.id, item, index));

  const blocks = [...head];
  let next = 0;
  while (next < groups.length && fits(blocks, groups[next], 1)) blocks.push(...(groups[next++] as Block[]));
  blocks.push(footer);

  const overflow: Block[] = [];
  if (next < groups.length) overflow.push(context('More papers from this digest:'));
  while (next < groups.length && fits(overflow, groups[next], 1))
    overflow.push(...(groups[next++] as Block[]));
  if (next < groups.length) {
    overflow.push(context(`${groups.length - next} more matching papers are not shown here.`));
  }
  return { text: notificationText(digest, options), blocks, overflow };
}

/**
 * What a channel gets when nothing new matched (never an empty Block Kit message): what was
 * searched, since when, and how to widen it.
 */
export function renderEmptyDigestLine(
  profile: Pick<ChannelProfile, 'name' | 'topics' | 'feeds' | 'includePreprints' | 'lastDigestAt'>,
): string {
  const topics = profile.topics
    .filter((topic) => !(topic.kind === 'journal' && topic.exclude))
    .map(topicInWords);
  const about = topics.length > 0 ? ` (${escapeWithin(topics.join(', '), 300)})` : '';
  const sources = [...new Set(profile.feeds.map((feed) => SOURCE_NAMES[feed.kind]))];
  const searched = sources.length > 0 ? sources.join(', ') : 'papers already stored';
  const since = profile.lastDigestAt
    ? `since the last digest (${profile.lastDigestAt.slice(0, 10)})`
    : 'over the last 14 days';
  const widen = [
    'add topics (`/lit topics add …` or `/lit setup <specialty>`)',
    ...(profile.includePreprints ? [] : ['include preprints (`/lit topics preprints on`)']),
    'add a search (`/lit feeds add pubmed <query>`)',
  ];
  return [
    `Nothing new for your topics${about} this week in #${escapeMrkdwn(profile.name)}.`,
    `Searched ${searched} ${since}.`,
    `To widen it: ${widen.join(', ')}.`,
  ].join('\n');
}

const SOURCE_NAMES: Record<ChannelProfile['feeds'][number]['kind'], string> = {
  pubmed: 'PubMed',
  europepmc: 'Europe PMC',
  biorxiv: 'bioRxiv',
  medrxiv: 'medRxiv',
  rss: 'RSS feeds',
};

function fits(blocks: Block[], group: Block[] | undefined, reserve: number): boolean {
  return group !== undefined && blocks.length + group.length + reserve <= SLACK_LIMITS.blocksPerMessage;
}

function headerBlock(digest: Digest, options: RenderDigestOptions): Block {
  const where = options.channelName ? ` · #${options.channelName}` : '';
  return {
    type: 'header',
    text: {
      type: 'plain_text',
      text: truncate(`Literature digest${where} · ${periodLabel(digest)}`, SLACK_LIMITS.headerText),
    },
  };
}

function itemBlocks(digestId: string, item: DigestItem, index: number): Block[] {
  const value: DigestButtonValue = { digestId, paperId: item.paperId };
  return [
    { type: 'divider' },
    section(itemText(item)),
    context(itemContext(item)),
    {
      type: 'actions',
      block_id: `digest_item_${index}`,
      elements: [
        button('Abstract', DIGEST_ACTIONS.abstract, value),
        button('Relevant', DIGEST_ACTIONS.relevant, value),
        button('Not relevant', DIGEST_ACTIONS.notRelevant, value),
        button('Ask about this', DIGEST_ACTIONS.ask, value),
      ],
    },
  ];
}

/** "*Headline* · case report (n=1) · evidence: low", the takeaway, then why it matters. */
function itemText(item: DigestItem): string {
  const { summary } = item;
  const lines: string[] = [];
  const labels = labelLine(item.labels);
  if (labels) lines.push(labels);
  const headline = escapeWithin(summary.headline || item.title, HEADLINE_MAX, escapeBold);
  lines.push(`*${headline}* · ${studyTypeLine(summary)} · evidence: ${summary.evidence}`);
  if (summary.takeaway) lines.push(escapeWithin(summary.takeaway, TAKEAWAY_MAX));
  if (summary.whyItMatters) lines.push(`_Why it matters:_ ${escapeWithin(summary.whyItMatters, WHY_MAX)}`);
  if (item.updatesNote)
    lines.push(`_Update to an earlier highlight:_ ${escapeWithin(item.updatesNote, NOTE_MAX)}`);
  return lines.join('\n');
}

/** The stored title (linked when there is a URL); not repeated when the headline already is the title. */
function itemContext(item: DigestItem): string {
  const repeatsHeadline = sameWords(item.title, item.summary.headline);
  const title = repeatsHeadline ? '' : escapeWithin(item.title, TITLE_MAX);
  const titled = isLinkable(item.url) ? link(item.url, truncate(item.title, TITLE_MAX)) : title;
  const meta = metaLine(
    { journal: item.journal, date: item.publishedDate, studyType: item.summary.studyType },
    identifierLinks(item),
  );
  return [titled, meta].filter(Boolean).join('\n');
}

function sameWords(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return words(a) === words(b);
}

function footerBlock(digest: Digest): Block {
  const sources = new Set(digest.items.map((item) => item.summary.source));
  const how = sources.has('llm')
    ? 'Summaries drafted by a language model; quotes checked against the abstracts.'
    : 'Summaries are sentences taken from the abstracts.';
  const count = `${digest.candidateCount} new ${digest.candidateCount === 1 ? 'paper' : 'papers'} matched this channel's topics.`;
  return context(`${count} ${how} Literature, not medical advice.`);
}

function notificationText(digest: Digest, options: RenderDigestOptions): string {
  const where = options.channelName ? ` for #${escapeMrkdwn(options.channelName)}` : '';
  const count = digest.items.length;
  return `Literature digest${where}, ${periodLabel(digest)}: ${count} ${count === 1 ? 'paper' : 'papers'}`;
}
