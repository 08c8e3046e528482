import type { types } from '@slack/bolt';
import { labelsOf } from '../../digest/labels.js';
import { paperUrl } from '../../digest/links.js';
import type { PaperHit } from '../../search/paper-index.js';
import { classifyStudy } from '../../text/index.js';
import type { LiveSearchNote } from '../../types.js';
import { escapeBold, escapeWithin, isLinkable, link, truncate } from './escape.js';
import { PAPER_ACTIONS } from './paper.js';
import {
  button,
  context,
  identifierLinks,
  labelLine,
  metaLine,
  SLACK_LIMITS,
  section,
} from './paper-meta.js';

type Block = types.KnownBlock;

/** Header and closing line take two blocks; each result is one section. */
const MAX_RESULTS = SLACK_LIMITS.blocksPerMessage - 2;

/**
 * `/lit search` results: one section per paper with study type, links and an Abstract button.
 * With `live`, the papers came from a search of that service just now, and the header says so.
 */
export function renderSearchResultsBlocks(
  query: string,
  results: PaperHit[],
  live?: LiveSearchNote,
): types.KnownBlock[] {
  const shown = results.slice(0, MAX_RESULTS);
  const quoted = `“${escapeWithin(query, 200)}”`;
  if (shown.length === 0) {
    return [section(`No stored papers match ${quoted}. Try fewer words, a gene or drug name, or a PMID.`)];
  }
  const count = `${shown.length} ${shown.length === 1 ? 'paper' : 'papers'}`;
  const from = live ? ` from a ${live.service} search just now (not the stored papers)` : '';
  const blocks: Block[] = [section(`*${count}${from} for* ${quoted}`)];
  for (const hit of shown) blocks.push(resultBlock(hit));
  blocks.push(
    context(
      live
        ? `Ranked by ${live.service}. Literature, not medical advice.`
        : 'Ranked by text match (title, abstract, MeSH). Literature, not medical advice.',
    ),
  );
  return blocks;
}

function resultBlock(hit: PaperHit): Block {
  const { paper } = hit;
  const url = paperUrl(paper);
  const title = isLinkable(url)
    ? `*${link(url, truncate(paper.title.replace(/\*/g, '∗'), 300))}*`
    : `*${escapeWithin(paper.title, 300, escapeBold)}*`;
  const labels = labelLine(labelsOf(paper));
  const meta = metaLine(
    {
      journal: paper.journal,
      date: paper.publishedDateText ?? paper.publishedDate,
      studyType: classifyStudy(paper).studyType,
    },
    identifierLinks(paper),
  );
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: [labels, title, meta].filter(Boolean).join('\n') },
    accessory: button('Abstract', PAPER_ACTIONS.abstract, { paperId: paper.id }),
  };
}
