import { FeedError } from '../errors.js';
import type { PaperReference } from '../text/identifiers.js';
import type { Paper } from '../types.js';
import type { LiteratureSearch } from './live-search.js';

/**
 * A paper the store does not have, found online by its identifier: a PMID through PubMed's
 * efetch; a DOI through PubMed (`"…"[doi]`) and then Europe PMC (`DOI:"…"`, which also holds
 * preprints); a PMCID through Europe PMC. Undefined when no service knows it. When every
 * service asked failed, the FeedError names each one and what to try instead.
 */
export async function resolvePaper(
  search: LiteratureSearch,
  reference: PaperReference,
): Promise<Paper | undefined> {
  const attempts = attemptsFor(search, reference);
  const failures: FeedError[] = [];
  for (const attempt of attempts) {
    try {
      const paper = await attempt();
      if (paper) return paper;
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      failures.push(error);
    }
  }
  if (failures.length > 0 && failures.length === attempts.length) {
    throw new FeedError(
      failures.map((failure) => failure.feedId).join('+'),
      `${failures.map((failure) => failure.userMessage).join(' ')} Try again in a few minutes, or open ${whereToRead(reference)} to read it there.`,
      { cause: failures[0] },
    );
  }
  return undefined;
}

function attemptsFor(
  search: LiteratureSearch,
  reference: PaperReference,
): Array<() => Promise<Paper | undefined>> {
  // A search may return a neighbour of the asked id; only the paper carrying it is the answer.
  const same = (a: string | undefined) => a?.toLowerCase() === reference.value.toLowerCase();
  const first = async (papers: Promise<Paper[]>) =>
    (await papers).find((paper) => same(paper.doi) || same(paper.pmcid) || same(paper.pmid));
  switch (reference.kind) {
    case 'pmid':
      return [() => search.pubmedRecord(reference.value)];
    case 'doi':
      return [
        () => first(search.searchPubmed(`"${reference.value}"[doi]`, 1)),
        () => first(search.searchEuropePmc(`DOI:"${reference.value}"`, 1)),
      ];
    case 'pmcid':
      return [() => first(search.searchEuropePmc(`PMCID:${reference.value}`, 1))];
    case 'url':
      return [];
  }
}

function whereToRead(reference: PaperReference): string {
  switch (reference.kind) {
    case 'pmid':
      return `https://pubmed.ncbi.nlm.nih.gov/${reference.value}/`;
    case 'doi':
      return `https://doi.org/${reference.value}`;
    case 'pmcid':
      return `https://pmc.ncbi.nlm.nih.gov/articles/${reference.value}/`;
    case 'url':
      return reference.value;
  }
}
