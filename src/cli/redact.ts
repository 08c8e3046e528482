import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../errors.js';
import { redactPhi } from '../privacy/index.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';

const EXAMPLE = 'echo "pt John Smith, MRN 12345678" | tbdigest redact';

const HELP = `Usage: tbdigest redact [file] [--json]

Runs the PHI guard the app applies to every question before it reaches a model, a log,
the store or an export, on a file or on standard input, and prints the redacted text.
Use it to audit the guard on your own samples.

  --json       print {text, kinds, spans: [{start, end, kind, value}]} instead; offsets are
               UTF-16 positions in the input, and value is the text that was removed
  -h, --help   show this help`;

/** `tbdigest redact`: the PHI guard on a file or stdin, for a privacy officer's audit. */
export const redactCommand: CliCommand = {
  name: 'redact',
  summary: 'redact [file]: remove patient identifiers from text (stdin or a file)',
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {}, EXAMPLE);
    if (values.help) return context.io.stdout(`${HELP}\n`);
    if (positionals.length > 1) throw new InvalidInputError('Give at most one file.', EXAMPLE);
    const text = await readInput(positionals[0], context.io.readStdin);
    const redaction = redactPhi(text);
    if (!values.json)
      return context.io.stdout(redaction.text.endsWith('\n') ? redaction.text : `${redaction.text}\n`);
    const spans = redaction.spans.map((span) => ({ ...span, value: text.slice(span.start, span.end) }));
    context.io.stdout(
      `${JSON.stringify({ text: redaction.text, kinds: redaction.redactions, spans }, null, 2)}\n`,
    );
  },
};

async function readInput(
  file: string | undefined,
  readStdin: (() => Promise<string>) | undefined,
): Promise<string> {
  if (file) {
    return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new InvalidInputError(`Could not read ${file} (${error.code ?? error.message}).`, EXAMPLE);
    });
  }
  if (!readStdin) throw new InvalidInputError('Give a file, or pipe text to standard input.', EXAMPLE);
  return readStdin();
}
