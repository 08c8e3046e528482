import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear: tokens and raw question text never reach a log. */
const REDACT_PATHS = [
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
  'question',
  '*.question',
  'text',
  'event.text',
];

/** JSON logs in production, pretty lines on a TTY. */
export function createLogger(options: { level?: string; pretty?: boolean } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const pretty = options.pretty ?? (process.stderr.isTTY && process.env.NODE_ENV !== 'production');
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: 'tbdigest' },
      transport: pretty
        ? { target: 'pino-pretty', options: { destination: 2, ignore: 'pid,hostname,app' } }
        : undefined,
    },
    pretty ? undefined : pino.destination(2),
  );
}

/** A logger that drops everything, for tests and pure code paths that take an optional logger. */
export const silentLogger: Logger = pino({ level: 'silent' });
