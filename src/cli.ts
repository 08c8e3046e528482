#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { askCommand } from './cli/ask.js';
import type { CliCommand } from './cli/command.js';
import { type CliIo, createCliContext, processIo } from './cli/context.js';
import { demoCommand } from './cli/demo.js';
import { digestCommand } from './cli/digest.js';
import { exportCommand } from './cli/export.js';
import { importCommand } from './cli/import.js';
import { ingestCommand } from './cli/ingest.js';
import { paperCommand } from './cli/paper.js';
import { redactCommand } from './cli/redact.js';
import { searchCommand } from './cli/search.js';
import { isTbdError, userMessageOf } from './errors.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [
  demoCommand,
  ingestCommand,
  digestCommand,
  paperCommand,
  searchCommand,
  askCommand,
  exportCommand,
  importCommand,
  redactCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: tbdigest <command> [options]',
    '',
    'Tumor Board Digest: weekly literature digests for oncology tumor boards.',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --help and --json. Configuration comes from the environment (.env.example).',
  ].join('\n');
}

/**
 * Runs one command line and returns the exit code. Errors become one line on stderr (the
 * error's user message) and exit code 1; details go to the log.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage()}\n`);
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`tbdigest: unknown command "${name}". Run tbdigest --help to see the commands.\n`);
    return 1;
  }
  const context = createCliContext(io);
  try {
    await command.run(args, context);
    return 0;
  } catch (error) {
    io.stderr(`tbdigest ${name}: ${oneLine(error)}\n`);
    if (!isTbdError(error)) logUnexpected(context, name, error);
    return 1;
  }
}

/** The user message (an InvalidInputError's includes its example) on one line. */
function oneLine(error: unknown): string {
  return userMessageOf(error).replace(/\s*\n\s*/g, ' ');
}

function logUnexpected(context: ReturnType<typeof createCliContext>, command: string, error: unknown): void {
  try {
    context.logger.error({ err: error, command }, 'command failed');
  } catch {
    // The configuration itself may be what failed; the one-line message above already told the user.
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await runCli(process.argv.slice(2));
}
