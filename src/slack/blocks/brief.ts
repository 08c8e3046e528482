import type { types } from '@slack/bolt';
import type { Brief, BriefPaper, CaseBrief } from '../../board/brief.js';
import { describeAgeRange, describePhases } from '../../board/trial-match.js';
import { paperUrl } from '../../digest/links.js';
import type { RecruitingTrial } from '../../sources/clinicaltrials.js';
import { escapeBold, escapeMrkdwn, escapeWithin, isLinkable, link, truncate } from './escape.js';
import { context, identifierLinks, SLACK_LIMITS, section, studyTypeName } from './paper-meta.js';

type Block = types.KnownBlock;

const QUOTE_MAX = 400;
const TAKEAWAY_MAX = 500;
const TITLE_MAX = 200;
const CASE_LINE_MAX = 300;
export const BRIEF_FOOTER =
  'Literature for discussion, not a treatment recommendation. Quotes are verbatim from the papers.';

export interface RenderedBrief {
  /** Notification text of the first message. */
  text: string;
  /** The first message, then thread replies; each within Slack's block limit. */
  messages: Block[][];
}

/**
 * The prep brief: one block group per case (the line, its papers with takeaway, study type,
 * matching facts and verified quote, then recruiting trials), packed into messages of at most
 * 50 blocks; a case never straddles two messages.
 */
export function renderBriefBlocks(brief: Brief, timeZone: string): RenderedBrief {
  const when = new Date(brief.meetingAt).toLocaleDateString('en-US', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const title = `Tumor board prep · ${when}`;
  const count = `${brief.cases.length} case${brief.cases.length === 1 ? '' : 's'}`;
  const head: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText) } },
    context(`${count} · ${BRIEF_FOOTER} Reply in this thread to ask about these papers.`),
  ];
  const messages: Block[][] = [head];
  for (const entry of brief.cases) {
    const group = caseBlocks(entry);
    const current = messages[messages.length - 1] as Block[];
    if (current.length + group.length > SLACK_LIMITS.blocksPerMessage) messages.push(group);
    else current.push(...group);
  }
  return { text: `${title}: ${count}`, messages };
}

function caseBlocks(entry: CaseBrief): Block[] {
  const facts = factsOf(entry);
  const blocks: Block[] = [
    { type: 'divider' },
    section(
      `*Case ${entry.position}.* ${escapeWithin(entry.line, CASE_LINE_MAX)}${facts ? `\n_${facts}_` : ''}`,
    ),
  ];
  if (entry.papers.length === 0 && entry.notes.length === 0) {
    blocks.push(context('No stored or PubMed paper matched this case.'));
  }
  for (const paper of entry.papers) blocks.push(section(paperText(paper)));
  if (entry.trials.length > 0) blocks.push(section(trialsText(entry.trials)));
  if (entry.notes.length > 0) blocks.push(context(entry.notes.map(escapeMrkdwn).join(' ')));
  return blocks;
}

/** "JMML · monosomy 7 · relapse, post-HSCT · pediatric": what the app read from the line. */
function factsOf(entry: CaseBrief): string {
  const { profile } = entry;
  const parts = [
    profile.diagnosis?.label,
    profile.stage,
    profile.markers.map((marker) => marker.label).join(', '),
    profile.settings.map((setting) => setting.label).join(', '),
    profile.ageGroup,
  ];
  return escapeMrkdwn(parts.filter(Boolean).join(' · '));
}

function paperText(item: BriefPaper): string {
  const { paper } = item;
  const url = paperUrl(paper);
  const title = escapeBold(truncate(paper.title, TITLE_MAX));
  const heading = isLinkable(url) ? link(url, truncate(paper.title, TITLE_MAX)) : title;
  const meta = [
    studyTypeName(item.summary.studyType),
    `matches: ${escapeMrkdwn(item.matches.join(', '))}`,
    item.origin === 'pubmed' ? 'live PubMed' : undefined,
    ...identifierLinks({ pmid: paper.pmid, doi: paper.doi }),
  ].filter(Boolean);
  const text = [
    `• *${heading}*`,
    meta.join(' · '),
    escapeWithin(item.summary.takeaway, TAKEAWAY_MAX),
    `> “${escapeWithin(item.quote, QUOTE_MAX)}”`,
  ].join('\n');
  return text.slice(0, SLACK_LIMITS.sectionText);
}

function trialsText(trials: RecruitingTrial[]): string {
  const lines = trials.map((trial) => {
    const status = trial.status.toLowerCase().replace(/_/g, ' ');
    return `• ${link(trial.url, trial.nctId)} · ${describePhases(trial.phases)} · ${status} · ages ${escapeMrkdwn(describeAgeRange(trial))} — ${escapeWithin(trial.title, 150)}`;
  });
  return `*Recruiting trials*\n${lines.join('\n')}`.slice(0, SLACK_LIMITS.sectionText);
}
