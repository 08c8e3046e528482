import { digestPeriod } from '../../../../digest/period.js';
import { InvalidInputError } from '../../../../errors.js';
import type { PostOutcome } from '../../../../schedule/digest-poster.js';
import { renderDigestBlocks, renderEmptyDigestLine } from '../../../blocks/digest.js';
import { assertCanConfigure, changeProfile, loadProfile } from '../../../channel-config.js';
import { type LitRequest, type LitSubcommand, privateReply, reply } from './subcommand.js';

const NO_TOPICS = 'This channel follows no topics yet, so a digest would be empty. Add one first.';
const TOPIC_EXAMPLE = '/lit topics add juvenile myelomonocytic leukemia';

/** `/lit digest preview` (only you see it) and `/lit digest now` (posts, exactly once per week). */
export const digestSubcommand: LitSubcommand = {
  name: 'digest',
  usage: '/lit digest preview|now',
  summary: 'see what would post now, or post this week’s digest now',
  async run(request) {
    const action = request.args.toLowerCase();
    if (action === 'preview') return preview(request);
    if (action === 'now') return postNow(request);
    throw new InvalidInputError(
      `"${request.args}" is not a digest action; use preview or now.`,
      '/lit digest preview',
    );
  },
};

async function preview(request: LitRequest) {
  const profile = await loadProfile(request);
  if (profile.topics.length === 0) throw new InvalidInputError(NO_TOPICS, TOPIC_EXAMPLE);
  const digest = await request.deps.previewDigest(profile, request.deps.clock.now());
  if (digest.items.length === 0) return reply(request, renderEmptyDigestLine(profile));
  const rendered = renderDigestBlocks(digest, { channelName: profile.name });
  return reply(request, rendered.text, rendered.blocks);
}

async function postNow(request: LitRequest) {
  const { deps } = request;
  await assertCanConfigure(request);
  let profile = await loadProfile(request);
  if (profile.topics.length === 0) throw new InvalidInputError(NO_TOPICS, TOPIC_EXAMPLE);
  // Asking to post is the user's way of saying the app is back in the channel.
  if (profile.paused) profile = await changeProfile(request, 'resume after pause', (current) => current);
  const zone = profile.schedule?.timezone ?? deps.config.digest.defaultTimezone;
  const outcome = await deps.poster.post(request.channelId, digestPeriod(deps.clock.now(), zone));
  deps.logger.info(
    { user: request.userId, channel: request.channelId, status: outcome.status },
    '/lit digest now',
  );
  return privateReply(outcomeText(outcome));
}

function outcomeText(outcome: PostOutcome): string {
  switch (outcome.status) {
    case 'posted':
      return `Posted this week’s digest (${outcome.itemCount} ${outcome.itemCount === 1 ? 'paper' : 'papers'}).`;
    case 'already-posted':
      return 'This week’s digest is already in the channel; it posts once per week.';
    case 'claimed-elsewhere':
      return 'This week’s digest is being posted right now.';
    case 'silent':
      return 'Nothing new this week, and this channel is set to post nothing then (`/lit settings empty line` changes that).';
    case 'paused':
      return `I cannot post here (Slack said \`${outcome.reason}\`). Invite me with \`/invite @Tumor Board Digest\` and try again.`;
    case 'not-configured':
      return `This channel has no digest settings yet. Start with \`${TOPIC_EXAMPLE}\`.`;
    case 'stopped':
      return 'The app is restarting; the digest posts as soon as it is back.';
    case 'failed':
      return 'The digest could not be posted; the error is logged and the next scheduled run will try again.';
  }
}
