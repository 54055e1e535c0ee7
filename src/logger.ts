import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino blanks wherever they appear in a log object. API keys, tokens and Xero secrets must never
 * reach a log line, even when someone logs a whole object by mistake.
 */
const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'apiKey',
  '*.apiKey',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token',
  'password',
  '*.password',
  'clientSecret',
  '*.clientSecret',
];

/** The process's root logger; request handlers derive children carrying request id, tenant and app. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
