import { type DestinationStream, type Logger, pino } from 'pino';
import { redactPhi } from './privacy/index.js';

export type { Logger };

/** Secrets: blanked wherever they appear. */
const SECRET_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'signingSecret',
  '*.signingSecret',
];
/** Message text fields: kept, but through the PHI guard, so a log shows what was asked without who. */
const TEXT_FIELDS = new Set(['question', 'text']);
const TEXT_PATHS = ['question', '*.question', 'text', '*.text', 'event.text'];

/**
 * The redaction layer every log line passes: secrets blanked; message text fields and the
 * message and stack of a logged error (error reports) passed through `redactPhi`. Log
 * messages themselves are constants written in code, never user text, and stay as written.
 */
function logRedaction() {
  return {
    redact: {
      paths: [...SECRET_PATHS, ...TEXT_PATHS],
      censor: (value: unknown, path: string[]) =>
        TEXT_FIELDS.has(path.at(-1) ?? '') && typeof value === 'string'
          ? redactPhi(value).text
          : '[redacted]',
    },
    serializers: { err: redactedError },
  };
}

/** JSON logs in production, pretty lines on a TTY; `destination` for tests. */
export function createLogger(
  options: { level?: string; pretty?: boolean; destination?: DestinationStream } = {},
): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const pretty =
    !options.destination &&
    (options.pretty ?? (process.stderr.isTTY && process.env.NODE_ENV !== 'production'));
  return pino(
    {
      level,
      ...logRedaction(),
      base: { app: 'tbdigest' },
      transport: pretty
        ? { target: 'pino-pretty', options: { destination: 2, ignore: 'pid,hostname,app' } }
        : undefined,
    },
    pretty ? undefined : (options.destination ?? pino.destination(2)),
  );
}

function redactedError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  for (const field of ['message', 'stack']) {
    if (typeof serialized?.[field] === 'string')
      serialized[field] = redactPhi(serialized[field] as string).text;
  }
  return serialized;
}

/** A logger that drops everything, for tests and pure code paths that take an optional logger. */
export const silentLogger: Logger = pino({ level: 'silent' });
