import { buildDigest } from '../digest/build.js';
import { digestPeriod } from '../digest/period.js';
import type { Store } from '../store/index.js';
import type { ChannelProfile, Digest } from '../types.js';
import type { CliContext } from './context.js';
import { summarizerFor } from './summarizer.js';

/**
 * The digest a channel would get now, built as the app builds it but never posted, so nothing
 * is marked delivered. `since` narrows the window (the demo uses its corpus's load time).
 */
export function previewDigest(
  context: CliContext,
  store: Store,
  profile: ChannelProfile,
  now: Date,
  since?: Date,
): Promise<Digest> {
  return buildDigest({
    store,
    profile,
    now,
    period: digestPeriod(now, profile.schedule?.timezone ?? context.config.digest.defaultTimezone),
    summarizer: summarizerFor(context, store),
    logger: context.logger,
    since,
  });
}
