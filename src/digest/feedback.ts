import { InvalidInputError } from '../errors.js';
import { FEEDBACK_NAMESPACE } from '../store/channel-data.js';
import type { Store } from '../store/index.js';

export type FeedbackVoteKind = 'relevant' | 'not-relevant';

export interface FeedbackVote {
  paperId: string;
  vote: FeedbackVoteKind;
  userId: string;
  at: string;
}

/** Papers a channel marked, after each member's latest vote and the majority per paper. */
export interface ChannelFeedback {
  relevant: string[];
  notRelevant: string[];
}

/** Ranking only needs a channel's recent taste; older votes fall off so reads stay bounded. */
const MAX_VOTES_PER_CHANNEL = 300;

function votesOf(store: Store) {
  return store.namespace<FeedbackVote[]>(FEEDBACK_NAMESPACE);
}

/** Stores one member's vote on a paper for a channel; a later vote by the same member replaces it. */
export async function recordFeedback(
  store: Store,
  channelId: string,
  paperId: string,
  vote: FeedbackVoteKind,
  userId: string,
  now: Date = new Date(),
): Promise<void> {
  if (vote !== 'relevant' && vote !== 'not-relevant') {
    throw new InvalidInputError('Feedback must be "relevant" or "not-relevant".');
  }
  const votes = votesOf(store);
  const previous = (await votes.get(channelId)) ?? [];
  const others = previous.filter((entry) => !(entry.paperId === paperId && entry.userId === userId));
  const next = [...others, { paperId, vote, userId, at: now.toISOString() }].slice(-MAX_VOTES_PER_CHANNEL);
  await votes.set(channelId, next);
}

/** The channel's papers marked relevant or not relevant; ties count as neither. */
export async function loadFeedback(store: Store, channelId: string): Promise<ChannelFeedback> {
  const votes = (await votesOf(store).get(channelId)) ?? [];
  const tally = new Map<string, number>();
  for (const entry of votes) {
    tally.set(entry.paperId, (tally.get(entry.paperId) ?? 0) + (entry.vote === 'relevant' ? 1 : -1));
  }
  const feedback: ChannelFeedback = { relevant: [], notRelevant: [] };
  for (const [paperId, net] of tally) {
    if (net > 0) feedback.relevant.push(paperId);
    if (net < 0) feedback.notRelevant.push(paperId);
  }
  return feedback;
}
