import type { CliContext } from './context.js';

/** One `tbdigest` subcommand; `src/cli.ts` lists them. */
export interface CliCommand {
  name: string;
  /** One line for `tbdigest --help`. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  run(args: string[], context: CliContext): Promise<void>;
}
