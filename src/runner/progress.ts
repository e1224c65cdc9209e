// The live progress line: one per finished run (outcome, time, cost, done/total, ETA). The total counts the
// LLM judge's cost too: it is money the run spent.
import { spentUsd, type RunResult } from '../pipeline/result.ts';

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export class Progress {
  private done = 0;
  private costUsd = 0;
  private readonly started = Date.now();

  constructor(private total: number, private write: (line: string) => void = (l) => process.stderr.write(l + '\n')) {}

  finished(r: RunResult): void {
    this.done++;
    this.costUsd += spentUsd(r);
    const elapsed = Date.now() - this.started;
    const eta = this.done < this.total ? formatDuration((elapsed / this.done) * (this.total - this.done)) : '0s';
    const width = String(this.total).length;
    const outcome = r.outcome === 'error' ? `ERROR (${(r.error ?? '').split('\n')[0].slice(0, 80)})` : r.outcome;
    const judgeCost = r.judgeCostUsd ? ` + judge $${r.judgeCostUsd.toFixed(4)}` : r.judgeCostUsd === null ? ' + judge $?' : '';
    const cost = (r.costUsd === null ? '$?' : `$${r.costUsd.toFixed(4)}`) + judgeCost;
    this.write(`[${String(this.done).padStart(width)}/${this.total}] ${r.scenario} · ${r.agent} · ${r.judge} · #${r.epoch} → ${outcome} `
      + `(${(r.wallMs / 1000).toFixed(1)}s, ${cost}) · total $${this.costUsd.toFixed(4)} · ETA ${eta}`);
  }
}
