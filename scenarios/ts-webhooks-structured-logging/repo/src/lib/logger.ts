// Structured logger: one JSON object per line, shipped to the log pipeline as is. Dashboards and alerts
// query the `event` field and the documented fields (docs/log-events.md), never the message text.

export type Level = 'debug' | 'info' | 'warn' | 'error';

export type Fields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: Fields): void;
  info(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  error(event: string, fields?: Fields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Fields): Logger;
}

type Sink = (line: string) => void;

const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let sink: Sink = (line) => process.stdout.write(`${line}\n`);
let clock: () => Date = () => new Date();
let minLevel: Level = 'info';

/** Where lines go, and the clock; tests capture lines here. */
export function configureLogging(options: { sink?: Sink; now?: () => Date; level?: Level }): void {
  if (options.sink) sink = options.sink;
  if (options.now) clock = options.now;
  if (options.level) minLevel = options.level;
}

/**
 * Keys whose values never reach the log pipeline, at any depth. Redaction works on keys only: a
 * secret inside a string value (a raw body, an error text) is NOT found, so don't log those.
 */
export const REDACTED_KEYS = new Set(['authorization', 'password', 'secret', 'signature', 'card', 'pan', 'cvc', 'iban', 'token']);

function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[Truncated]';
  if (value instanceof Error) return { type: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, REDACTED_KEYS.has(k.toLowerCase()) ? '[REDACTED]' : redact(v, depth + 1)]),
    );
  }
  return value;
}

function make(name: string, bound: Fields): Logger {
  const write = (level: Level, event: string, fields: Fields = {}) => {
    if (LEVELS[level] < LEVELS[minLevel]) return;
    const line = { time: clock().toISOString(), level, logger: name, event, ...(redact({ ...bound, ...fields }) as Fields) };
    sink(JSON.stringify(line));
  };
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    child: (fields) => make(name, { ...bound, ...fields }),
  };
}

export function createLogger(name: string): Logger {
  return make(name, {});
}
