import type { Store } from '../src/store/index.js';

const GENERATED_AT = '2026-11-23T08:00:00.000Z';

/** A digest holding the given papers, so a question can be asked in its thread. */
export async function saveEvalDigest(store: Store, id: string, paperIds: string[]): Promise<string> {
  const digestId = `CEVAL:${id}`;
  const papers = await store.papers.getMany(paperIds);
  const items = papers.map((paper) => ({
    paperId: paper.id,
    title: paper.title,
    summary: {
      headline: paper.title,
      takeaway: '',
      studyType: 'other' as const,
      evidence: 'low' as const,
      keyNumbers: [],
      limitations: [],
      quotes: [],
      source: 'extractive' as const,
    },
    labels: [],
    score: 1,
  }));
  await store.digests.save({
    digest: {
      id: digestId,
      channelId: 'CEVAL',
      period: id,
      generatedAt: GENERATED_AT,
      intro: '',
      items,
      candidateCount: items.length,
    },
  });
  return digestId;
}
