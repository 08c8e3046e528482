import { labelsOf } from '../digest/labels.js';
import { doiUrl, paperUrl, pubmedUrl } from '../digest/links.js';
import { topicInWords } from '../digest/topic-words.js';
import type { PaperHit } from '../search/paper-index.js';
import { studyTypeLine, studyTypeName } from '../slack/blocks/paper-meta.js';
import { periodLabel } from '../slack/blocks/period-label.js';
import { readableHeading } from '../text/index.js';
import type {
  Answer,
  Citation,
  Digest,
  DigestItem,
  ItemLabel,
  ItemSummary,
  LiveSearchNote,
  Paper,
  StudyType,
  Topic,
} from '../types.js';

const WIDTH = 96;
const INDENT = '   ';

const LABEL_TEXT: Record<ItemLabel, string> = {
  retracted: '[RETRACTED]',
  preprint: '[Preprint — not peer reviewed]',
  erratum: '[Erratum published]',
  synthetic: '[Synthetic benchmark record — not real literature]',
};

/** A digest as plain terminal text: no Slack markup, full links, wrapped for reading. */
export function renderDigestText(digest: Digest, options: { channelName: string; topics: Topic[] }): string {
  const lines = [
    `Literature digest · #${options.channelName} · ${periodLabel(digest)}`,
    ...wrap(`Topics: ${options.topics.map(topicInWords).join(', ')}`, WIDTH),
    '',
  ];
  if (digest.intro.trim()) lines.push(...wrap(digest.intro, WIDTH), '');
  if (digest.items.length === 0) lines.push('Nothing new for these topics this week.', '');
  digest.items.forEach((item, index) => {
    lines.push(...itemLines(item, index + 1), '');
  });
  const considered = `${digest.candidateCount} new ${digest.candidateCount === 1 ? 'paper' : 'papers'} matched these topics`;
  const how = digest.items.some((item) => item.summary.source === 'llm')
    ? 'summaries drafted by a language model, quotes checked against the abstracts'
    : 'summaries are sentences taken from the abstracts (no language model)';
  lines.push(`${considered}; ${how}. Literature, not medical advice.`);
  return `${lines.join('\n')}\n`;
}

function itemLines(item: DigestItem, rank: number): string[] {
  const { summary } = item;
  const lines: string[] = [];
  const labels = item.labels.map((label) => LABEL_TEXT[label]).join(' ');
  lines.push(...wrap(`${rank}. ${plain(summary.headline || item.title)}`, WIDTH));
  if (labels) lines.push(`${INDENT}${labels}`);
  lines.push(`${INDENT}${studyTypeLine(summary)} · evidence: ${summary.evidence}`);
  lines.push(...indent(wrap(plain(summary.takeaway), WIDTH - INDENT.length)));
  if (summary.whyItMatters)
    lines.push(...indent(wrap(`Why it matters: ${plain(summary.whyItMatters)}`, WIDTH - 3)));
  if (item.updatesNote)
    lines.push(...indent(wrap(`Update to an earlier highlight: ${plain(item.updatesNote)}`, WIDTH - 3)));
  if (plain(item.title) !== plain(summary.headline))
    lines.push(...indent(wrap(`“${plain(item.title)}”`, WIDTH - 3)));
  const meta = [item.journal, item.publishedDate].filter(Boolean).map((part) => plain(part as string));
  if (meta.length > 0) lines.push(`${INDENT}${meta.join(' · ')}`);
  lines.push(...indent(identifierLines(item)));
  return lines;
}

/** One paper for `tbdigest paper`: summary, key numbers with their sentences, abstract. */
export function renderPaperText(paper: Paper, summary: ItemSummary): string {
  const lines: string[] = [...wrap(plain(paper.title), WIDTH)];
  const labels = labelsOf(paper)
    .map((label) => LABEL_TEXT[label])
    .join(' ');
  if (labels) lines.push(labels);
  const meta = [paper.journal, paper.publishedDateText ?? paper.publishedDate].filter(Boolean) as string[];
  lines.push([...meta.map(plain), `${studyTypeLine(summary)} · evidence: ${summary.evidence}`].join(' · '));
  lines.push(...identifierLines(paper), '', 'Takeaway', ...indent(wrap(plain(summary.takeaway), WIDTH - 3)));
  if (summary.keyNumbers.length > 0) {
    lines.push('', 'Key numbers');
    for (const number of summary.keyNumbers) {
      lines.push(...indent(wrap(`${plain(number.value)} — “${plain(number.sentence)}”`, WIDTH - 3)));
    }
  }
  if (paper.abstract.length > 0) {
    lines.push('', 'Abstract');
    for (const section of paper.abstract) {
      const label = section.label ? `${plain(section.label)}: ` : '';
      lines.push(...indent(wrap(`${label}${plain(section.text)}`, WIDTH - 3)));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Search hits, best first, with study type and links; `live`: they came from that service just now. */
export function renderSearchText(
  query: string,
  hits: PaperHit[],
  studyTypeOf: (paper: Paper) => StudyType,
  live?: LiveSearchNote,
): string {
  const where = live ? `a ${live.service} search just now` : 'stored papers';
  if (hits.length === 0) return `No ${live ? `results from ${where}` : where} match “${plain(query)}”.\n`;
  const from = live ? ` from ${where} (not the stored papers)` : '';
  const lines = [`${hits.length} ${hits.length === 1 ? 'paper' : 'papers'}${from} for “${plain(query)}”`, ''];
  hits.forEach((hit, index) => {
    const labels = labelsOf(hit.paper)
      .map((label) => LABEL_TEXT[label])
      .join(' ');
    lines.push(...wrap(`${index + 1}. ${plain(hit.paper.title)}`, WIDTH));
    if (labels) lines.push(`${INDENT}${labels}`);
    const meta = [hit.paper.journal, hit.paper.publishedDateText ?? hit.paper.publishedDate].filter(
      Boolean,
    ) as string[];
    lines.push(`${INDENT}${[...meta.map(plain), studyTypeName(studyTypeOf(hit.paper))].join(' · ')}`);
    lines.push(...indent(identifierLines(hit.paper)), '');
  });
  return `${lines.join('\n')}\n`;
}

/** A cited answer: the text, then each citation with its verbatim quote and link. */
export function renderAnswerText(answer: Answer): string {
  const lines = [...wrap(`Q: ${plain(answer.question)}`, WIDTH), ...wrap(`A: ${plain(answer.text)}`, WIDTH)];
  if (answer.redactions.length > 0) {
    lines.push(`   (Removed from the question before use: ${answer.redactions.join(', ')}.)`);
  }
  answer.citations.forEach((citation, index) => {
    lines.push(...citationLines(citation, `[${index + 1}]`));
  });
  if (!answer.answered && answer.closest)
    lines.push('', 'Closest paper:', ...citationLines(answer.closest, '-'));
  lines.push('', 'Literature, not medical advice.');
  return `${lines.join('\n')}\n`;
}

function citationLines(citation: Citation, marker: string): string[] {
  return [
    '',
    ...wrap(`${marker} “${plain(citation.quote)}” (${citationPlace(citation)})`, WIDTH - 3).map(
      (line) => `${INDENT}${line}`,
    ),
    ...indent(wrap(plain(citation.title), WIDTH - 3)),
    ...indent(identifierLines(citation)),
  ];
}

/** "full text, Results": what the quote was checked against and the section it stands in. */
function citationPlace(citation: Citation): string {
  const section =
    citation.section && citation.section !== 'full text' ? readableHeading(citation.section) : '';
  return section ? `${citation.basis}, ${plain(section)}` : citation.basis;
}

function identifierLines(ids: { pmid?: string; doi?: string; url?: string }): string[] {
  const lines: string[] = [];
  if (ids.pmid) lines.push(`PMID ${ids.pmid}: ${pubmedUrl(ids.pmid)}`);
  if (ids.doi) lines.push(`DOI ${plain(ids.doi)}: ${doiUrl(ids.doi)}`);
  const url = paperUrl(ids);
  if (lines.length === 0 && url) lines.push(plain(url));
  return lines;
}

/** Outside text may carry terminal control sequences; print it as inert characters. */
function plain(text: string): string {
  return text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `${INDENT}${line}`);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
