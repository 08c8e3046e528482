import { DEMO_CHANNEL_ID, demoProfile } from '../digest/profile.js';
import { InvalidInputError } from '../errors.js';
import { renderDigestBlocks } from '../slack/blocks/digest.js';
import type { Store } from '../store/index.js';
import type { ChannelProfile } from '../types.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';
import { demoWindowStart, readDemoCorpusMarker } from './demo-corpus.js';
import { previewDigest } from './preview-digest.js';
import { renderDigestText } from './render-terminal.js';

const HELP = `Usage: tbdigest digest preview [--channel <name>] [--json]

Builds the digest a channel would get now and prints it. Nothing is posted and nothing is
marked delivered, so it can run any number of times.

  --channel <name>  channel name (without #) or id; needed when several channels are set up.
                    With no channels set up, previews the demo channel #heme-malignancies.
  --json            print the Slack Block Kit message ({ text, blocks, overflow })
  -h, --help        show this help`;

export const digestCommand: CliCommand = {
  name: 'digest',
  summary: 'digest preview [--channel <name>]: the digest a channel would get now',
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { channel: { type: 'string' } },
      'tbdigest digest preview --channel heme-malignancies',
    );
    if (values.help) return context.io.stdout(`${HELP}\n`);
    if (positionals[0] !== 'preview' || positionals.length > 1) {
      throw new InvalidInputError(
        'The digest command has one action: preview.',
        'tbdigest digest preview --channel heme-malignancies',
      );
    }
    const now = context.io.now();
    await context.withStore(async (store) => {
      const profile = await findProfile(store, values.channel, now);
      const since =
        profile.channelId === DEMO_CHANNEL_ID
          ? demoWindowStart(await readDemoCorpusMarker(store), now)
          : undefined;
      const digest = await previewDigest(context, store, profile, now, since);
      const output = values.json
        ? `${JSON.stringify(renderDigestBlocks(digest, { channelName: profile.name }), null, 2)}\n`
        : renderDigestText(digest, { channelName: profile.name, topics: profile.topics });
      context.io.stdout(output);
    });
  },
};

/** The channel to preview: by name or id; the only one; or the demo channel when none is set up. */
export async function findProfile(
  store: Store,
  wanted: string | undefined,
  now: Date,
): Promise<ChannelProfile> {
  const profiles = await store.channels.all();
  if (wanted) {
    const key = wanted.replace(/^#/, '').toLowerCase();
    const found = profiles.find(
      (profile) => profile.name.toLowerCase() === key || profile.channelId.toLowerCase() === key,
    );
    if (found) return found;
    const demo = demoProfile(now);
    if (profiles.length === 0 && key === demo.name) return demo;
    throw new InvalidInputError(
      `No channel named "${wanted}" is set up.${known(profiles)}`,
      'tbdigest digest preview --channel heme-malignancies',
    );
  }
  if (profiles.length === 0) return demoProfile(now);
  if (profiles.length === 1) return profiles[0] as ChannelProfile;
  throw new InvalidInputError(
    `Several channels are set up; pick one with --channel.${known(profiles)}`,
    'tbdigest digest preview --channel heme-malignancies',
  );
}

function known(profiles: ChannelProfile[]): string {
  return profiles.length > 0 ? ` Known: ${profiles.map((profile) => profile.name).join(', ')}.` : '';
}
