// A run's transcript: one JSON event per line, appended and flushed after every step, so a crash loses nothing.
import fs from 'node:fs';
import path from 'node:path';
import { isSecretEnvName } from '../sandbox/sandbox.ts';

export interface TranscriptEvent { type: string; [k: string]: unknown }

/** Secret values (API keys from the environment) are replaced before anything is written. */
function secretValues(): string[] {
  return Object.entries(process.env).filter(([k, v]) => v && v.length >= 8 && isSecretEnvName(k)).map(([, v]) => v!);
}

export function redactSecrets(text: string, secrets = secretValues()): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[REDACTED]');
  return out;
}

export class Transcript {
  private fd: number | null = null;
  private secrets = secretValues();

  constructor(readonly file: string | null) {
    if (file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      this.fd = fs.openSync(file, 'w');
    }
  }

  add(event: TranscriptEvent): void {
    const e = { t: new Date().toISOString(), ...event };
    if (this.fd !== null) fs.writeSync(this.fd, redactSecrets(JSON.stringify(e), this.secrets) + '\n');
  }

  close(): void {
    if (this.fd !== null) { fs.closeSync(this.fd); this.fd = null; }
  }
}
