import { FeedError } from '../../errors.js';
import { extractIdentifiers, htmlToText, normalizeDoi, parsePmcid, parsePmid } from '../../text/index.js';
import type { AbstractSection, Author, Paper, PaperNotice } from '../../types.js';
import { buildPaper, type SourceContext } from '../paper.js';
import { attributeOf, childOf, listOf, parseXml, textOf } from '../xml.js';
import { parsePubmedDate } from './dates.js';

/** Elements whose inline markup (`<i>`, `<sup>`, `<sub>`, `<b>`) must keep its place in the text. */
const RAW_ELEMENTS = [
  'ArticleTitle',
  'VernacularTitle',
  'AbstractText',
  'Keyword',
  'CollectiveName',
  'RefSource',
];
const ARRAYS = [
  'PubmedArticle',
  'AbstractText',
  'Author',
  'PublicationType',
  'MeshHeading',
  'Keyword',
  'KeywordList',
  'ArticleId',
  'ELocationID',
  'CommentsCorrections',
  'DataBank',
  'AccessionNumber',
  'ArticleDate',
  'QualifierName',
];
/** Labels PubMed uses for sections that have no real heading. */
const EMPTY_LABELS = new Set(['UNLABELLED', 'UNASSIGNED']);

const NOTICE_KINDS: Record<string, PaperNotice['kind']> = {
  RetractionIn: 'retraction',
  ErratumIn: 'erratum',
  ErratumFor: 'erratum',
  ExpressionOfConcernIn: 'expression-of-concern',
};

/**
 * Every `PubmedArticle` of an efetch `PubmedArticleSet` as a Paper. An empty set (an id
 * that returned nothing) is an empty list; anything that is not a PubmedArticleSet is an error.
 */
export function parsePubmedArticleSet(xml: string, context: SourceContext): Paper[] {
  const document = parseXml(xml, context.feedId, { rawElements: RAW_ELEMENTS, arrays: ARRAYS });
  if (!('PubmedArticleSet' in document)) {
    throw new FeedError(
      context.feedId,
      `Feed ${context.feedId} did not return PubMed records (no PubmedArticleSet).`,
      {
        retryable: false,
      },
    );
  }
  const articles = listOf(childOf(document.PubmedArticleSet, 'PubmedArticle'));
  return articles.flatMap((article) => {
    const paper = parsePubmedArticle(article, context);
    return paper ? [paper] : [];
  });
}

function parsePubmedArticle(node: unknown, context: SourceContext): Paper | undefined {
  const citation = childOf(node, 'MedlineCitation');
  const article = childOf(citation, 'Article');
  const pmid = parsePmid(textOf(childOf(citation, 'PMID')) ?? '');
  if (!pmid || !article) return undefined;

  const ids = articleIds(node, article);
  const title = inline(childOf(article, 'ArticleTitle')) || inline(childOf(article, 'VernacularTitle'));
  const abstract = abstractSections(childOf(article, 'Abstract'));
  const publicationTypes = listOf(childOf(childOf(article, 'PublicationTypeList'), 'PublicationType'))
    .map((type) => textOf(type))
    .filter((type): type is string => Boolean(type));
  const corrections = listOf(childOf(childOf(citation, 'CommentsCorrectionsList'), 'CommentsCorrections'));
  const notices = corrections.flatMap((entry) => notice(entry));
  if (publicationTypes.includes('Published Erratum') && !notices.some((n) => n.kind === 'erratum')) {
    notices.push({ kind: 'erratum', text: 'This record is a published erratum.' });
  }
  const date = publicationDate(article);
  const abstractText = abstract.map((section) => section.text).join(' ');

  return buildPaper(
    {
      pmid,
      doi: ids.doi,
      pmcid: ids.pmcid,
      title,
      abstract,
      authors: authors(childOf(article, 'AuthorList')),
      journal: textOf(childOf(childOf(article, 'Journal'), 'Title')),
      publishedDate: date.iso,
      publishedDateText: date.text,
      publicationTypes,
      ...meshHeadings(childOf(childOf(citation, 'MeshHeadingList'), 'MeshHeading')),
      keywords: listOf(childOf(citation, 'KeywordList')).flatMap((list) =>
        listOf(childOf(list, 'Keyword')).map(inline).filter(Boolean),
      ),
      url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
      nctIds: unique([...trialIds(article), ...extractIdentifiers(`${title} ${abstractText}`).nctIds]),
      isPreprint: publicationTypes.includes('Preprint'),
      retracted:
        publicationTypes.includes('Retracted Publication') ||
        notices.some((entry) => entry.kind === 'retraction'),
      notices,
    },
    context,
  );
}

/**
 * Newer efetch output glues italic runs to the words around them ("at the<i>TERT</i>gene");
 * PubMed itself shows them spaced. Sub/superscripts stay glued ("CO<sub>2</sub>").
 */
const GLUED_ITALIC_OPEN = /(\w)(<(?:i|b|u|em)>)(?=\w)/g;
const GLUED_ITALIC_CLOSE = /(?<=\w)(<\/(?:i|b|u|em)>)(\w)/g;

/** Inline markup turned to text; entities decoded. */
function inline(node: unknown): string {
  const raw = textOf(node);
  if (!raw) return '';
  return htmlToText(raw.replace(GLUED_ITALIC_OPEN, '$1 $2').replace(GLUED_ITALIC_CLOSE, '$1 $2')).trim();
}

function abstractSections(abstractNode: unknown): AbstractSection[] {
  return listOf(childOf(abstractNode, 'AbstractText')).flatMap((section) => {
    const text = inline(section);
    if (!text) return [];
    const label = attributeOf(section, 'Label');
    return [label && !EMPTY_LABELS.has(label) ? { label, text } : { text }];
  });
}

function authors(listNode: unknown): Author[] {
  return listOf(childOf(listNode, 'Author')).flatMap((author): Author[] => {
    const collective = inline(childOf(author, 'CollectiveName'));
    if (collective) return [{ collective }];
    const lastName = textOf(childOf(author, 'LastName'));
    if (!lastName) return [];
    return [
      {
        lastName,
        foreName: textOf(childOf(author, 'ForeName')),
        initials: textOf(childOf(author, 'Initials')),
      },
    ];
  });
}

/** The electronic date when PubMed has one (it precedes print), else the issue's PubDate. */
function publicationDate(article: unknown): { iso?: string; text?: string } {
  const electronic = listOf(childOf(article, 'ArticleDate'))
    .map(parsePubmedDate)
    .find((date) => date.iso);
  const issue = parsePubmedDate(childOf(childOf(childOf(article, 'Journal'), 'JournalIssue'), 'PubDate'));
  if (electronic?.iso && (!issue.iso || electronic.iso.length >= issue.iso.length)) return electronic;
  return issue;
}

/** DOI and PMCID from PubmedData's ArticleIdList, falling back to the ELocationID. */
function articleIds(articleNode: unknown, article: unknown): { doi?: string; pmcid?: string } {
  const ids = listOf(childOf(childOf(childOf(articleNode, 'PubmedData'), 'ArticleIdList'), 'ArticleId'));
  const byType = (type: string) => ids.find((id) => attributeOf(id, 'IdType') === type);
  const elocationDoi = listOf(childOf(article, 'ELocationID')).find(
    (id) => attributeOf(id, 'EIdType') === 'doi' && attributeOf(id, 'ValidYN') !== 'N',
  );
  const doi = normalizeDoi(textOf(byType('doi')) ?? textOf(elocationDoi) ?? '');
  const pmcid = parsePmcid(textOf(byType('pmc')) ?? '');
  return { doi: doi ?? undefined, pmcid: pmcid ?? undefined };
}

/** Trial registrations from DataBankList (ClinicalTrials.gov accession numbers). */
function trialIds(article: unknown): string[] {
  return listOf(childOf(childOf(article, 'DataBankList'), 'DataBank')).flatMap((bank) =>
    listOf(childOf(childOf(bank, 'AccessionNumberList'), 'AccessionNumber'))
      .map((accession) => textOf(accession) ?? '')
      .flatMap((accession) => extractIdentifiers(accession).nctIds),
  );
}

function notice(entry: unknown): PaperNotice[] {
  const kind = NOTICE_KINDS[attributeOf(entry, 'RefType') ?? ''];
  if (!kind) return [];
  const refSource = inline(childOf(entry, 'RefSource'));
  const pmid = parsePmid(textOf(childOf(entry, 'PMID')) ?? '');
  const doi = extractIdentifiers(refSource).dois[0];
  const forward = attributeOf(entry, 'RefType') === 'ErratumFor' ? 'Correction of: ' : '';
  return [
    {
      kind,
      text: `${forward}${refSource}`.trim() || kind,
      ...(pmid ? { pmid } : {}),
      ...(doi ? { doi } : {}),
    },
  ];
}

/**
 * Descriptor names, and those PubMed marks as major topics: `MajorTopicYN="Y"` on the
 * descriptor, or on one of its qualifiers ("Leukemia/therapy*" makes leukemia a major topic).
 */
function meshHeadings(headings: unknown): { mesh: string[]; meshMajor?: string[] } {
  const mesh: string[] = [];
  const meshMajor: string[] = [];
  for (const heading of listOf(headings)) {
    const descriptor = childOf(heading, 'DescriptorName');
    const name = textOf(descriptor);
    if (!name) continue;
    mesh.push(name);
    const qualifiers = listOf(childOf(heading, 'QualifierName'));
    const major = [descriptor, ...qualifiers].some((node) => attributeOf(node, 'MajorTopicYN') === 'Y');
    if (major) meshMajor.push(name);
  }
  return mesh.length > 0 ? { mesh, meshMajor } : { mesh };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
