import type { AbstractSection } from '../types.js';
import { cleanLines, sentenceKey, tidyLines } from './clean.js';
import { headingKind, type SectionKind } from './headings.js';

export interface ParsedArticle {
  abstract: AbstractSection[];
  highlights: string[];
  /** Main text with its headings on their own lines; references and other back matter left out. */
  body: string;
}

interface RawSection {
  kind?: SectionKind;
  heading?: string;
  lines: string[];
}

/** "BACKGROUND: text" or "Results: text" at the start of an abstract paragraph. */
const INLINE_LABEL_RE = /^([A-Za-z][A-Za-z ]{2,40}):\s+(\S.*)$/;

function groupByHeading(lines: string[]): RawSection[] {
  const sections: RawSection[] = [{ lines: [] }];
  for (const line of lines) {
    const kind = headingKind(line);
    if (kind) sections.push({ kind, heading: line.replace(/[:.]$/, '').trim(), lines: [] });
    else sections[sections.length - 1]?.lines.push(line);
  }
  return sections;
}

function abstractSections(lines: string[]): AbstractSection[] {
  const sections: AbstractSection[] = [];
  for (const paragraph of tidyLines(lines).split('\n')) {
    if (!paragraph.trim()) continue;
    const labelled = INLINE_LABEL_RE.exec(paragraph);
    const label = labelled?.[1];
    if (label && labelled[2] && headingKind(label)) {
      sections.push({ label, text: labelled[2] });
      continue;
    }
    const last = sections[sections.length - 1];
    if (last && !last.label) last.text = `${last.text}\n${paragraph}`;
    else sections.push({ text: paragraph });
  }
  return sections;
}

function highlightItems(lines: string[]): string[] {
  const seen = new Set<string>();
  return tidyLines(lines)
    .split('\n')
    .filter((item) => {
      const key = sentenceKey(item);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Splits a scraped article (publisher page text, a saved .txt) into abstract, highlights and
 * body by its headings. Everything is cleaned as in cleanText; headings with no text under them
 * are dropped. Text before the first heading, or a "Summary" section, is the abstract when the
 * page has no "Abstract" heading.
 */
export function parseArticleText(raw: string): ParsedArticle {
  const sections = groupByHeading(cleanLines(raw));
  const hasAbstract = sections.some((s) => s.kind === 'abstract' && s.lines.some((l) => l.trim()));
  const abstractLines: string[] = [];
  const highlightLines: string[] = [];
  const bodyLines: string[] = [];
  let abstractFound = hasAbstract;
  for (const section of sections) {
    const hasText = section.lines.some((line) => line.trim());
    if (section.kind === 'abstract') abstractLines.push(...section.lines);
    else if (section.kind === 'highlights') highlightLines.push(...section.lines);
    else if (section.kind === 'back-matter') continue;
    else if (!abstractFound && hasText && (section.kind === undefined || section.kind === 'summary')) {
      abstractLines.push(...section.lines);
      abstractFound = true;
    } else if (hasText) {
      if (section.heading) bodyLines.push('', section.heading);
      bodyLines.push(...section.lines);
    }
  }
  return {
    abstract: abstractSections(abstractLines),
    highlights: highlightItems(highlightLines),
    body: tidyLines(bodyLines),
  };
}

/** The full text stored for a parsed article: highlights (one per line) under their heading, then the body. */
export function articleFullText(article: ParsedArticle): string {
  const highlights = article.highlights.length > 0 ? `Highlights\n${article.highlights.join('\n')}` : '';
  return [highlights, article.body].filter(Boolean).join('\n\n');
}
