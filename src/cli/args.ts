import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InvalidInputError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Every command accepts these. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const satisfies Options;

/**
 * `parseArgs` with strict checking, whose errors become one line telling the user what is
 * wrong and how the command is used.
 */
export function parseCommandArgs<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.split('\n')[0]?.replace(/\. To specify.*$/, '') : '';
    throw new InvalidInputError(`${message || 'Invalid arguments'}.`, usage);
  }
}
