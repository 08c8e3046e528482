import { contentHash } from '../text/index.js';
import type { Paper, PaperNotice } from '../types.js';

export type LivingNoticeKind = 'retraction' | 'erratum' | 'published-version';

/** Something that happened to a paper after a digest posted it, worth one reply in that thread. */
export interface LivingNotice {
  paperId: string;
  kind: LivingNoticeKind;
  /** The notice as the source recorded it (retraction or erratum record), when there is one. */
  notice?: PaperNotice;
  /** For a published preprint: the journal version, when it is stored. */
  publishedVersion?: Paper;
  /** Stable per paper and notice: the dedupe key of the reply. */
  key: string;
}

/**
 * What is new about a paper since it was posted (pure): a retraction, each erratum, or the
 * journal version of a preprint (its stored record, or the DOI the preprint server gave). A
 * record that is itself an erratum is not "corrected".
 */
export function noticesOf(paper: Paper, publishedVersion?: Paper): LivingNotice[] {
  const notices: LivingNotice[] = [];
  if (paper.retracted) {
    const notice = paper.notices.find((entry) => entry.kind === 'retraction');
    notices.push({ paperId: paper.id, kind: 'retraction', notice, key: keyOf(paper.id, 'retraction') });
  }
  if (!paper.publicationTypes.includes('Published Erratum')) {
    for (const notice of paper.notices.filter((entry) => entry.kind === 'erratum')) {
      const identity = notice.pmid ?? notice.doi ?? contentHash(notice.text);
      notices.push({
        paperId: paper.id,
        kind: 'erratum',
        notice,
        key: keyOf(paper.id, `erratum:${identity}`),
      });
    }
  }
  const publishedNotice = paper.notices.find((entry) => entry.kind === 'published-version');
  if (paper.isPreprint && (publishedVersion || publishedNotice)) {
    // One reply per preprint: the server's DOI notice and the later-ingested journal record are the same news.
    notices.push({
      paperId: paper.id,
      kind: 'published-version',
      notice: publishedNotice,
      publishedVersion,
      key: keyOf(paper.id, 'published'),
    });
  }
  return notices;
}

function keyOf(paperId: string, notice: string): string {
  return `${paperId}:${notice}`;
}
