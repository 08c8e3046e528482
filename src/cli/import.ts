import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../errors.js';
import { importStore } from '../store/export.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';

const USAGE = 'tbdigest import backup.json';

/** `tbdigest import`: restores a snapshot written by `tbdigest export`; safe to repeat. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Restore a backup written by tbdigest export (safe to run twice)',
  help: [
    `Usage: ${USAGE}`,
    '',
    'Writes the channel profiles, digest history, thread links and feed state of an export',
    'into the configured store (SQLite under DATA_DIR, or Redis when REDIS_URL is set).',
    'Records are upserted by id, so importing the same file again changes nothing.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {}, USAGE);
    if (values.help) return context.io.stdout(`${importCommand.help}\n`);
    const file = positionals[0];
    if (!file) throw new InvalidInputError('Name the export file to import.', USAGE);
    const input = await readSnapshotFile(file);
    const summary = await context.withStore((store) => importStore(store, input));
    context.io.stdout(
      `Imported ${summary.channels} channels (${summary.channelRecords} channel records), ${summary.digests} digests, ${summary.threads} thread links, ${summary.feeds} feeds and ${summary.papers} papers from ${file}\n`,
    );
  },
};

async function readSnapshotFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InvalidInputError(`Cannot read ${file}. Check the path.`, USAGE);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError(`${file} is not valid JSON; was it written by tbdigest export?`, USAGE);
  }
}
