import { type LitSubcommand, privateReply } from './subcommand.js';

/** `/lit help`: every subcommand with its usage, one line each. */
export function helpSubcommand(subcommands: () => LitSubcommand[]): LitSubcommand {
  return {
    name: 'help',
    usage: '/lit help',
    summary: 'this list',
    async run() {
      const lines = subcommands().map((subcommand) => `• \`${subcommand.usage}\` — ${subcommand.summary}`);
      return privateReply(
        [
          '*Tumor Board Digest* — literature for this channel',
          ...lines,
          'Add `--share` to show an answer to the channel.',
        ].join('\n'),
      );
    },
  };
}
