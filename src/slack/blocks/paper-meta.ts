import type { types } from '@slack/bolt';
import { doiUrl, pubmedUrl } from '../../digest/links.js';
import type { ItemLabel, ItemSummary, StudyType } from '../../types.js';
import { escapeMrkdwn, isLinkable, link, truncate } from './escape.js';

type Button = types.Button;
type Block = types.KnownBlock;

/** Slack's limits, from the Block Kit reference. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  contextElementText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
};

const STUDY_TYPE_NAMES: Record<StudyType, string> = {
  'meta-analysis': 'meta-analysis',
  'systematic-review': 'systematic review',
  rct: 'randomized trial',
  cohort: 'cohort study',
  'case-control': 'case-control study',
  'case-series': 'case series',
  'case-report': 'case report',
  guideline: 'guideline',
  review: 'review',
  preclinical: 'preclinical study',
  editorial: 'editorial',
  other: 'study',
};

/** "case report (n=1)" */
export function studyTypeLine(summary: Pick<ItemSummary, 'studyType' | 'sampleSize'>): string {
  const name = STUDY_TYPE_NAMES[summary.studyType];
  return summary.sampleSize ? `${name} (n=${summary.sampleSize.toLocaleString('en-US')})` : name;
}

export function studyTypeName(studyType: StudyType): string {
  return STUDY_TYPE_NAMES[studyType];
}

const LABEL_TEXT: Record<ItemLabel, string> = {
  retracted: ':warning: *RETRACTED*',
  preprint: '_Preprint — not peer reviewed_',
  erratum: '_Erratum published_',
  synthetic: '_Synthetic benchmark record — not real literature_',
};

/** The warnings a reader must see before the content, or '' when there are none. */
export function labelLine(labels: ItemLabel[]): string {
  return labels.map((label) => LABEL_TEXT[label]).join(' · ');
}

/** Identifier links built by code from stored PMID/DOI, never from text we were given. */
export function identifierLinks(ids: { pmid?: string; doi?: string; url?: string }): string[] {
  const links: string[] = [];
  if (ids.pmid) links.push(link(pubmedUrl(ids.pmid), `PMID ${ids.pmid}`));
  if (ids.doi) links.push(link(doiUrl(ids.doi), `DOI ${ids.doi}`));
  if (links.length === 0 && isLinkable(ids.url)) links.push(link(ids.url, 'Source'));
  return links;
}

/** "Blood · 2023-01 · case report · PMID …" with the outside parts escaped. */
export function metaLine(
  parts: { journal?: string; date?: string; studyType?: StudyType },
  links: string[],
): string {
  const text = [
    parts.journal ? escapeMrkdwn(truncate(parts.journal, 120)) : undefined,
    parts.date ? escapeMrkdwn(truncate(parts.date, 40)) : undefined,
    parts.studyType ? studyTypeName(parts.studyType) : undefined,
    ...links,
  ];
  return text.filter(Boolean).join(' · ');
}

export function button(text: string, actionId: string, value: object, style?: 'primary' | 'danger'): Button {
  const json = JSON.stringify(value);
  if (json.length > SLACK_LIMITS.buttonValue) {
    throw new Error(
      `Button value for ${actionId} is ${json.length} characters; Slack allows ${SLACK_LIMITS.buttonValue}.`,
    );
  }
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: json,
    ...(style ? { style } : {}),
  };
}

export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

export function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
