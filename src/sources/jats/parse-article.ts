import { FeedError } from '../../errors.js';
import { headingKind, normalizeDoi, parsePmcid, parsePmid } from '../../text/index.js';
import type { AbstractSection, Author, FullTextSection, Paper } from '../../types.js';
import { buildPaper, type SourceContext } from '../paper.js';
import { type OrderedNode, parseXmlOrdered } from '../xml.js';
import { attributeOf, childrenOf, element, elements, findElement, nameOf, textOf } from './nodes.js';

/** Floats and formulas inside a paragraph are read on their own, not as part of its sentences. */
const NOT_PARAGRAPH_TEXT = new Set([
  'table-wrap',
  'table-wrap-group',
  'fig',
  'fig-group',
  'disp-formula',
  'supplementary-material',
  'fn',
]);
const FLOATS: Record<string, FullTextSection['kind']> = { 'table-wrap': 'table', fig: 'figure' };
/** JATS `article-type` → the PubMed publication type the rest of the app reads. */
const PUBLICATION_TYPES: Record<string, string> = {
  'research-article': 'Journal Article',
  'review-article': 'Review',
  'case-report': 'Case Reports',
  'systematic-review': 'Systematic Review',
  'meta-analysis': 'Meta-Analysis',
  editorial: 'Editorial',
  letter: 'Letter',
  correction: 'Published Erratum',
  retraction: 'Retraction of Publication',
  'brief-report': 'Journal Article',
};
/** Epub precedes print, as in PubMed's record. */
const DATE_PREFERENCE = ['epub', 'pub', 'ppub', 'collection'];

/**
 * An open-access article in JATS (what PMC's OA service and Europe PMC's `fullTextXML`
 * return, and PMC's `.nxml` files) as a Paper: identifiers, title, authors, journal, date and
 * abstract from `<front>`, and the full text from `<body>` as sections with their headings,
 * paragraphs, and table and figure captions. References and back matter are left out.
 */
export function parseJatsArticle(xml: string, context: SourceContext): Paper | undefined {
  const document = parseXmlOrdered(xml, context.feedId);
  const article = findElement(document, 'article');
  if (!article) {
    throw new FeedError(context.feedId, `Feed ${context.feedId} did not return a JATS article.`, {
      retryable: false,
    });
  }
  const meta = element(element(article, 'front'), 'article-meta');
  const title = textOf(element(element(meta, 'title-group'), 'article-title'), new Set(['xref', 'fn']));
  if (!title) return undefined;
  const ids = articleIds(meta);
  const type = PUBLICATION_TYPES[attributeOf(article, 'article-type') ?? ''];
  return buildPaper(
    {
      ...ids,
      title,
      abstract: abstractSections(meta),
      fullTextSections: bodySections(article),
      authors: authors(meta),
      journal: journalTitle(article) || undefined,
      publishedDate: publicationDate(meta),
      publicationTypes: type ? [type] : [],
      keywords: elements(meta, 'kwd-group').flatMap((group) =>
        elements(group, 'kwd')
          .map((kwd) => textOf(kwd))
          .filter(Boolean),
      ),
      url: ids.pmcid ? `https://pmc.ncbi.nlm.nih.gov/articles/${ids.pmcid}/` : undefined,
      openAccess: true,
    },
    context,
  );
}

function articleIds(meta: OrderedNode | undefined): Pick<Paper, 'pmid' | 'pmcid' | 'doi'> {
  const byType = (...types: string[]) =>
    elements(meta, 'article-id').find((id) => types.includes(attributeOf(id, 'pub-id-type') ?? ''));
  const pmc = textOf(byType('pmc', 'pmcid'));
  return {
    pmid: parsePmid(textOf(byType('pmid'))),
    pmcid: parsePmcid(/^\d+$/.test(pmc) ? `PMC${pmc}` : pmc),
    doi: normalizeDoi(textOf(byType('doi'))),
  };
}

function authors(meta: OrderedNode | undefined): Author[] {
  return elements(meta, 'contrib-group')
    .flatMap((group) => elements(group, 'contrib'))
    .filter((contrib) => (attributeOf(contrib, 'contrib-type') ?? 'author') === 'author')
    .flatMap((contrib): Author[] => {
      const collective = textOf(element(contrib, 'collab'));
      if (collective) return [{ collective }];
      const name = element(contrib, 'name');
      const lastName = textOf(element(name, 'surname'));
      if (!lastName) return [];
      const foreName = textOf(element(name, 'given-names'));
      return [foreName ? { lastName, foreName } : { lastName }];
    });
}

function journalTitle(article: OrderedNode): string {
  const journal = element(element(article, 'front'), 'journal-meta');
  return textOf(
    element(element(journal, 'journal-title-group'), 'journal-title') ?? element(journal, 'journal-title'),
  );
}

/** The most precise date of the preferred kind: "2012-11-12", "2013-03" or "2013". */
function publicationDate(meta: OrderedNode | undefined): string | undefined {
  const dates = elements(meta, 'pub-date').map((node) => ({
    type: attributeOf(node, 'pub-type') ?? attributeOf(node, 'date-type') ?? '',
    iso: isoDate(node),
  }));
  const rank = (type: string) => {
    const index = DATE_PREFERENCE.indexOf(type);
    return index === -1 ? DATE_PREFERENCE.length : index;
  };
  return dates.filter((date) => date.iso).sort((a, b) => rank(a.type) - rank(b.type))[0]?.iso;
}

function isoDate(node: OrderedNode): string | undefined {
  const year = textOf(element(node, 'year'));
  if (!/^\d{4}$/.test(year)) return undefined;
  const month = textOf(element(node, 'month'));
  const day = textOf(element(node, 'day'));
  if (!/^\d{1,2}$/.test(month)) return year;
  const parts = [year, month.padStart(2, '0')];
  if (/^\d{1,2}$/.test(day)) parts.push(day.padStart(2, '0'));
  return parts.join('-');
}

/** The main abstract (not a graphical or teaser one): its titled sections, or its paragraphs. */
function abstractSections(meta: OrderedNode | undefined): AbstractSection[] {
  const abstract = elements(meta, 'abstract').find((node) => !attributeOf(node, 'abstract-type'));
  const sections = elements(abstract, 'sec');
  if (sections.length === 0) {
    const text = paragraphs(abstract).join(' ');
    return text ? [{ text }] : [];
  }
  return sections.flatMap((sec) => {
    const text = paragraphs(sec).join(' ');
    const label = heading(sec);
    if (!text) return [];
    return [label ? { label, text } : { text }];
  });
}

/**
 * The body in reading order: paragraphs before the first section as untitled text, each
 * top-level section with its subsections' paragraphs under its own heading, and every table
 * and figure caption (in the body or in `<floats-group>`) on its own. Back-matter sections
 * (funding, disclosures, supplementary material) are left out.
 */
function bodySections(article: OrderedNode): FullTextSection[] {
  const sections: FullTextSection[] = [];
  const floats: FullTextSection[] = [];
  const lead: string[] = [];
  for (const child of childrenOf(element(article, 'body'))) {
    const name = nameOf(child);
    if (name === 'p') lead.push(textOf(child, NOT_PARAGRAPH_TEXT));
    else if (name === 'sec') {
      const title = heading(child);
      if (attributeOf(child, 'sec-type') === 'supplementary-material') continue;
      if (title && headingKind(title) === 'back-matter') continue;
      const text = paragraphs(child, true).join('\n\n');
      if (text) sections.push(title ? { title, kind: 'section', text } : { kind: 'section', text });
    }
    floats.push(...floatsIn(child));
  }
  floats.push(...floatsIn(element(article, 'floats-group') ?? {}));
  const leadText = lead.filter(Boolean).join('\n\n');
  const leading: FullTextSection[] = leadText ? [{ kind: 'section', text: leadText }] : [];
  return [...leading, ...sections, ...uniqueFloats(floats)];
}

/** Paragraph texts of a section, and with `nested` those of its subsections, in order. */
function paragraphs(node: OrderedNode | undefined, nested = false): string[] {
  return childrenOf(node).flatMap((child) => {
    const name = nameOf(child);
    if (name === 'p') {
      const text = textOf(child, NOT_PARAGRAPH_TEXT);
      return text ? [text] : [];
    }
    if (nested && name === 'sec') return paragraphs(child, true);
    if (nested && name === 'list') return [textOf(child, NOT_PARAGRAPH_TEXT)].filter(Boolean);
    return [];
  });
}

/** Table and figure captions anywhere below the node (floats sit inside paragraphs too). */
function floatsIn(node: OrderedNode): FullTextSection[] {
  const name = nameOf(node);
  const kind = name ? FLOATS[name] : undefined;
  if (kind) {
    const caption = element(node, 'caption');
    const captionText = [textOf(element(caption, 'title')), ...paragraphs(caption)].filter(Boolean).join(' ');
    const foot = textOf(element(node, 'table-wrap-foot'));
    const text = [captionText, foot].filter(Boolean).join('\n\n');
    const label = cleanHeading(textOf(element(node, 'label')));
    if (!text) return [];
    return [{ title: label || (kind === 'table' ? 'Table' : 'Figure'), kind, text }];
  }
  return childrenOf(node).flatMap(floatsIn);
}

/** A float referenced twice (inline and in the floats group) is one caption. */
function uniqueFloats(floats: FullTextSection[]): FullTextSection[] {
  const seen = new Set<string>();
  return floats.filter((section) => {
    const key = `${section.title}|${section.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function heading(sec: OrderedNode): string | undefined {
  return cleanHeading(textOf(element(sec, 'title'))) || undefined;
}

/** "results" → "Results", "Background:" → "Background", "Table 1." → "Table 1". */
function cleanHeading(text: string): string {
  const bare = text.replace(/[\s:.]+$/, '').trim();
  return bare === bare.toLowerCase() ? bare.charAt(0).toUpperCase() + bare.slice(1) : bare;
}
