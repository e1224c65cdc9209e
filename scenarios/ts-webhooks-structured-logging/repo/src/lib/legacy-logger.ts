// The old text logger. Deprecated: new code uses ./logger (structured JSON lines). Kept until every
// module has moved; see docs/log-events.md.

export type Level = 'debug' | 'info' | 'warn' | 'error';

type Sink = (line: string) => void;

let sink: Sink = (line) => process.stdout.write(`${line}\n`);
let clock: () => Date = () => new Date();

/** Tests capture output here. */
export function setLegacySink(next: Sink, now?: () => Date): void {
  sink = next;
  if (now) clock = now;
}

// Card numbers end up in messages (payloads, provider errors); mask every run of 13-19 digits.
const PAN = /\b\d(?:[ -]?\d){12,18}\b/g;

export function maskPan(text: string): string {
  return text.replace(PAN, (digits) => {
    const plain = digits.replace(/[ -]/g, '');
    return `${'*'.repeat(plain.length - 4)}${plain.slice(-4)}`;
  });
}

/** @deprecated use createLogger from './logger'. */
export function log(level: Level, component: string, message: string): void {
  sink(`${clock().toISOString()} ${level.toUpperCase()} [${component}] ${maskPan(message)}`);
}
