import type { Store } from '../store/index.js';
import type { Digest } from '../types.js';
import { applyUpdateLinks, type EarlierHighlight, findUpdateLinks } from './updates.js';

/** Only the recent past: a paper from a year ago is history, not a highlight to update. */
const LOOKBACK_DIGESTS = 26;

/** Papers the channel's posted digests highlighted before this one, latest first, retracted ones left out. */
export async function loadEarlierHighlights(
  store: Store,
  channelId: string,
  beforeDigestId: string,
): Promise<EarlierHighlight[]> {
  const ids = (await store.digests.idsForChannel(channelId))
    .filter((id) => id !== beforeDigestId)
    .slice(-LOOKBACK_DIGESTS);
  const highlights: EarlierHighlight[] = [];
  for (const id of ids.reverse()) {
    const record = await store.digests.get(id);
    if (!record?.posted) continue;
    const papers = await store.papers.getMany(record.digest.items.map((item) => item.paperId));
    for (const paper of papers) {
      if (paper.retracted || highlights.some((entry) => entry.paper.id === paper.id)) continue;
      highlights.push({ paper, postedAt: record.posted.postedAt, digestId: id });
    }
  }
  return highlights;
}

/**
 * The week's digest with papers that update or contradict an earlier highlight flagged
 * (`updatesPaperId`, `updatesNote`). Called on a freshly built digest, before it is posted.
 */
export async function withUpdateFlags(store: Store, digest: Digest): Promise<Digest> {
  if (digest.items.length === 0) return digest;
  const earlier = await loadEarlierHighlights(store, digest.channelId, digest.id);
  if (earlier.length === 0) return digest;
  const papers = await store.papers.getMany(digest.items.map((item) => item.paperId));
  return applyUpdateLinks(digest, findUpdateLinks(papers, earlier));
}
