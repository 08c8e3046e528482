import {
  PUBLICATION_TYPES,
  pick,
  SYNTHETIC_JOURNALS,
  SYNTHETIC_SURNAMES,
  syntheticSentences,
  syntheticTitle,
} from './vocabulary.js';

/**
 * Generated efetch XML in the shape of real PubMed records (element order and attributes
 * copied from `/work/shared/fixtures/pubmed/metapub_pmid_33474827.xml`). Only for load
 * benchmarks: titles start with "[SYNTHETIC]", abstracts are filler, DOIs use the 10.5555
 * example prefix.
 */

const XML_HEADER =
  '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n';

const SECTION_LABELS = ['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS'] as const;

/** PMIDs of generated records start here, far above real PMIDs (about 41 million in 2026). */
export const SYNTHETIC_PMID_BASE = 90_000_000;

export function syntheticPmid(index: number): string {
  return String(SYNTHETIC_PMID_BASE + index);
}

export function syntheticIndexOf(pmid: string): number {
  return Number(pmid) - SYNTHETIC_PMID_BASE;
}

/** One `<PubmedArticle>` element for the record at `index`, entered on `entrezDate`. */
export function syntheticPubmedArticle(index: number, entrezDate: Date): string {
  const pmid = syntheticPmid(index);
  const journal = pick(SYNTHETIC_JOURNALS, index);
  const year = entrezDate.getUTCFullYear();
  const month = entrezDate.getUTCMonth() + 1;
  const day = entrezDate.getUTCDate();
  const doi = `10.5555/synthetic.${pmid}`;
  const sections = SECTION_LABELS.map(
    (label, i) =>
      `<AbstractText Label="${label}" NlmCategory="${label}">${syntheticSentences(index, i)}</AbstractText>`,
  ).join('');
  const authors = [0, 1, 2]
    .map(
      (i) =>
        `<Author ValidYN="Y"><LastName>${pick(SYNTHETIC_SURNAMES, index + i)}</LastName><ForeName>Synthetic</ForeName><Initials>S</Initials><AffiliationInfo><Affiliation>Synthetic affiliation for load testing.</Affiliation></AffiliationInfo></Author>`,
    )
    .join('');
  return (
    `<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated"><PMID Version="1">${pmid}</PMID>` +
    `<DateRevised><Year>${year}</Year><Month>${pad(month)}</Month><Day>${pad(day)}</Day></DateRevised>` +
    `<Article PubModel="Print-Electronic"><Journal><ISSN IssnType="Electronic">0000-0000</ISSN><JournalIssue CitedMedium="Internet"><Volume>1</Volume><Issue>1</Issue><PubDate><Year>${year}</Year><Month>${monthName(month)}</Month></PubDate></JournalIssue>` +
    `<Title>${journal.title}</Title><ISOAbbreviation>${journal.iso}</ISOAbbreviation></Journal>` +
    `<ArticleTitle>${syntheticTitle(index)}.</ArticleTitle><Pagination><StartPage>1</StartPage><EndPage>2</EndPage><MedlinePgn>1-2</MedlinePgn></Pagination>` +
    `<ELocationID EIdType="doi" ValidYN="Y">${doi}</ELocationID><Abstract>${sections}</Abstract>` +
    `<AuthorList CompleteYN="Y">${authors}</AuthorList><Language>eng</Language>` +
    `<PublicationTypeList><PublicationType UI="D016428">${pick(PUBLICATION_TYPES, index)}</PublicationType></PublicationTypeList>` +
    `<ArticleDate DateType="Electronic"><Year>${year}</Year><Month>${pad(month)}</Month><Day>${pad(day)}</Day></ArticleDate></Article>` +
    '<MedlineJournalInfo><Country>United States</Country><MedlineTA>Synth J Load Test</MedlineTA><NlmUniqueID>0000000</NlmUniqueID></MedlineJournalInfo>' +
    '<MeshHeadingList><MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading></MeshHeadingList></MedlineCitation>' +
    `<PubmedData><History><PubMedPubDate PubStatus="entrez"><Year>${year}</Year><Month>${month}</Month><Day>${day}</Day><Hour>12</Hour><Minute>0</Minute></PubMedPubDate></History>` +
    `<PublicationStatus>ppublish</PublicationStatus><ArticleIdList><ArticleId IdType="pubmed">${pmid}</ArticleId><ArticleId IdType="doi">${doi}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>`
  );
}

/** A whole efetch response for these record indexes. */
export function syntheticPubmedArticleSet(indexes: number[], entrezDate: Date): string {
  const articles = indexes.map((index) => syntheticPubmedArticle(index, entrezDate)).join('\n');
  return `${XML_HEADER}<PubmedArticleSet>\n${articles}\n</PubmedArticleSet>\n`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function monthName(month: number): string {
  return (
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1] ?? 'Jan'
  );
}
