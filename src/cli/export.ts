import { writeFile } from 'node:fs/promises';
import { exportStore } from '../store/export.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';

const USAGE = 'tbdigest export --out backup.json [--with-papers]';

/** `tbdigest export`: writes channel settings, digest history and feed state as JSON. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Back up channel settings, digest history and feed state as JSON',
  help: [
    `Usage: ${USAGE}`,
    '',
    'Writes a JSON snapshot of every channel profile (topics, feeds, schedule), every digest',
    'with the Slack message it was posted as, thread links, and feed health and cursors.',
    'Without --out the JSON goes to stdout. --with-papers adds the stored papers (large).',
    'Restore it with `tbdigest import <file>`.',
  ].join('\n'),
  async run(args, context) {
    const { values } = parseCommandArgs(
      args,
      { out: { type: 'string', short: 'o' }, 'with-papers': { type: 'boolean' } },
      USAGE,
    );
    if (values.help) return context.io.stdout(`${exportCommand.help}\n`);
    const snapshot = await context.withStore((store) =>
      exportStore(store, { includePapers: Boolean(values['with-papers']), now: context.io.now }),
    );
    const json = `${JSON.stringify(snapshot, null, 2)}\n`;
    if (!values.out) return context.io.stdout(json);
    await writeFile(values.out, json, 'utf8');
    context.io.stderr(
      `Exported ${snapshot.channels.length} channels, ${snapshot.digests.length} digests and ${snapshot.feeds.length} feeds to ${values.out}\n`,
    );
  },
};
