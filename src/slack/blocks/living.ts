import type { types } from '@slack/bolt';
import { doiUrl, paperUrl, pubmedUrl } from '../../digest/links.js';
import type { LivingNotice } from '../../living/notices.js';
import type { Paper, PaperNotice } from '../../types.js';
import { escapeMrkdwn, escapeWithin, isLinkable, link, truncate } from './escape.js';
import { SLACK_LIMITS, section } from './paper-meta.js';

const TITLE_MAX = 160;
const NOTICE_TEXT_MAX = 300;

/** The one thread reply about a paper a digest posted: retracted, corrected, or now published. */
export function renderLivingReply(
  notice: LivingNotice,
  paper: Paper,
  postedOn: string,
): { text: string; blocks: types.KnownBlock[] } {
  const title = paperLink(paper);
  const posted = `posted here on ${postedOn}`;
  let text: string;
  if (notice.kind === 'retraction') {
    text = `:warning: *Retracted:* ${title} (${posted}) has been retracted. Do not rely on its findings.${noticeLine(notice.notice)}`;
  } else if (notice.kind === 'erratum') {
    text = `:memo: *Correction published* for ${title} (${posted}).${noticeLine(notice.notice)}`;
  } else {
    text = `:white_check_mark: *Now published:* the preprint ${title} (${posted}) ${publishedAs(notice)}.`;
  }
  const plain = `${notice.kind === 'retraction' ? 'Retracted' : notice.kind === 'erratum' ? 'Correction published' : 'Now published'}: ${truncate(paper.title, TITLE_MAX)}`;
  return { text: plain, blocks: [section(text.slice(0, SLACK_LIMITS.sectionText))] };
}

/** The journal version: its stored record when ingested, else the DOI the preprint server gave. */
function publishedAs(notice: LivingNotice): string {
  const published = notice.publishedVersion;
  if (published) {
    const journal = published.journal ? ` in _${escapeMrkdwn(truncate(published.journal, 120))}_` : '';
    return `appeared${journal} as ${paperLink(published)}`;
  }
  const doi = notice.notice?.doi;
  return doi ? `appeared in a journal: ${link(doiUrl(doi), `DOI ${doi}`)}` : 'appeared in a journal';
}

function paperLink(paper: Paper): string {
  const url = paperUrl(paper);
  const label = truncate(paper.title, TITLE_MAX);
  return isLinkable(url) ? link(url, label) : `“${escapeMrkdwn(label)}”`;
}

/** The notice's own record, linked by the identifiers the source gave for it. */
function noticeLine(notice: PaperNotice | undefined): string {
  if (!notice) return '';
  const url = notice.pmid ? pubmedUrl(notice.pmid) : notice.doi ? doiUrl(notice.doi) : notice.url;
  const text = escapeWithin(notice.text, NOTICE_TEXT_MAX);
  return isLinkable(url)
    ? `\nNotice: ${link(url, truncate(notice.text, NOTICE_TEXT_MAX))}`
    : `\nNotice: ${text}`;
}
