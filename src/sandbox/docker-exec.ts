// One command in a warm container through the exec API, with the timeout the Docker API lacks.
//
// Every process a command starts inherits FLEETBENCH_EXEC_ID=<id> in its environment, including daemons that
// setsid away from `timeout`'s process group. When the command ends (normally or at its timeout) the wrapper
// kills every process still carrying that id, so nothing the command started outlives it, and a forgotten
// background job can't hold the exec's output open. A host watchdog covers a wrapper that never returns.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { HarnessError } from '../util/errors.ts';
import type { ExecResult } from './sandbox.ts';
import { CappedCollector, FrameDemuxer } from './docker-output.ts';
import { bounded } from './docker-errors.ts';

/** Grace between TERM and KILL at a command's timeout (`timeout -k`). */
export const KILL_GRACE_SECONDS = 2;
/** The host watchdog fires this long after timeout + grace if the wrapper still has not returned. */
const WATCHDOG_MARGIN_MS = 10_000;
/** After the output stream ends, how long the exec may still report Running before we give up on it. */
const EXIT_POLL_MS = 3_000;

// A bash function (plain strings: the shell's ${...} must not be template interpolation).
const SWEEP = [
  'sweep() {',
  '  local marker="FLEETBENCH_EXEC_ID=$1" round p pid e found',
  '  for ((round = 0; round < 50; round++)); do', // a fork bomb keeps forking while we kill
  '    found=0',
  '    for p in /proc/[0-9]*; do',
  '      pid=${p#/proc/}',
  '      [ "$pid" = "$$" ] && continue',
  "      while IFS= read -r -d '' e; do",
  '        if [ "$e" = "$marker" ]; then kill -9 "$pid" 2>/dev/null && found=1; break; fi',
  '      done 2>/dev/null < "$p/environ"',
  '    done',
  '    [ "$found" = 0 ] && return 0',
  '  done',
  '}',
].join('\n');

/** bash -c WRAPPER fleetbench-exec <id> <seconds> <command>. The fd juggling keeps bash's own "Killed" job
 * notice out of the command's stderr while the command's stderr passes through. */
export const EXEC_WRAPPER = `${SWEEP}
{ FLEETBENCH_EXEC_ID="$1" timeout -k ${KILL_GRACE_SECONDS} "$2" bash -c "$3" 2>&3 3>&-; } 3>&2 2>/dev/null
rc=$?
sweep "$1"
exit $rc`;

const SWEEP_ONLY = `${SWEEP}
sweep "$1"`;

export interface ExecRequest {
  command: string;
  env: string[];
  user: string;
  workingDir: string;
  stdin?: string;
  timeoutMs: number;
  capBytes: number;
}

export function timeoutArgument(timeoutMs: number): string {
  return Math.max(0.01, timeoutMs / 1000).toFixed(3);
}

/** 124: TERM at the deadline; 137: KILL after the grace. Before the deadline, 137 is an OOM kill or kill -9. */
export function isTimeoutExit(exitCode: number, elapsedMs: number, timeoutMs: number): boolean {
  return (exitCode === 124 || exitCode === 137) && elapsedMs >= timeoutMs;
}

type StreamOutcome = { kind: 'end' } | { kind: 'watchdog' } | { kind: 'error'; error: Error };

export async function runExec(container: Docker.Container, req: ExecRequest): Promise<ExecResult> {
  const started = performance.now();
  const id = randomUUID();
  const hasStdin = req.stdin !== undefined;
  const exec = await bounded(container.exec({
    Cmd: ['bash', '-c', EXEC_WRAPPER, 'fleetbench-exec', id, timeoutArgument(req.timeoutMs), req.command],
    AttachStdout: true,
    AttachStderr: true,
    AttachStdin: hasStdin,
    Tty: false,
    Env: req.env,
    User: req.user,
    WorkingDir: req.workingDir,
  }), 'exec create');
  const stream = (await bounded(exec.start({ hijack: true, stdin: hasStdin }), 'exec start')) as unknown as Duplex;

  const stdout = new CappedCollector(req.capBytes);
  const stderr = new CappedCollector(req.capBytes);
  const output = new CappedCollector(req.capBytes);
  const demux = new FrameDemuxer((which, payload) => {
    (which === 'stdout' ? stdout : stderr).push(payload);
    output.push(payload);
  });

  const outcome = await new Promise<StreamOutcome>((resolve) => {
    const watchdog = setTimeout(() => {
      stream.destroy();
      resolve({ kind: 'watchdog' });
    }, req.timeoutMs + KILL_GRACE_SECONDS * 1000 + WATCHDOG_MARGIN_MS);
    const finish = (o: StreamOutcome) => { clearTimeout(watchdog); resolve(o); };
    stream.on('data', (chunk: Buffer) => demux.push(chunk));
    stream.on('end', () => finish({ kind: 'end' }));
    stream.on('close', () => finish({ kind: 'end' }));
    stream.on('error', (error: Error) => finish({ kind: 'error', error }));
    if (hasStdin) stream.end(req.stdin);
  });
  if (!stream.destroyed) stream.destroy();

  // Same conventions as the local sandbox: a timeout is exit 124 with a note at the end of the output.
  const result = (exitCode: number, timedOut: boolean): ExecResult => ({
    exitCode: timedOut ? 124 : exitCode,
    stdout: stdout.text(),
    stderr: stderr.text(),
    output: output.text() + (timedOut ? `\n[fleetbench: killed after ${req.timeoutMs} ms timeout]` : ''),
    timedOut,
    truncated: stdout.truncated || stderr.truncated || output.truncated,
    durationMs: Math.round(performance.now() - started),
  });

  if (outcome.kind === 'watchdog') {
    await sweepExec(container, id, req.user, 'the command outlived its timeout and the kill grace');
    return result(124, true);
  }

  let info: Docker.ExecInspectInfo;
  try {
    info = await bounded(exec.inspect(), 'exec inspect');
    const deadline = performance.now() + EXIT_POLL_MS;
    while (info.Running && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      info = await bounded(exec.inspect(), 'exec inspect');
    }
  } catch (e) {
    throw new HarnessError(`docker connection lost during exec of \`${abbreviate(req.command)}\`: ${(e as Error).message}`, { cause: e });
  }
  if (info.Running || info.ExitCode === null || info.ExitCode === undefined) {
    // The output stream broke but the command is still running: stop it and fail the run rather than guess.
    await sweepExec(container, id, req.user, 'the exec output stream closed while the command was running').catch(() => {});
    const why = outcome.kind === 'error' ? outcome.error.message : 'stream closed early';
    throw new HarnessError(`docker exec of \`${abbreviate(req.command)}\` lost its output stream (${why})`);
  }
  const elapsed = performance.now() - started;
  return result(info.ExitCode, isTimeoutExit(info.ExitCode, elapsed, req.timeoutMs));
}

/** Kill every process of one exec (by its environment marker), as the user that ran it. */
async function sweepExec(container: Docker.Container, id: string, user: string, why: string): Promise<void> {
  try {
    const exec = await bounded(container.exec({
      Cmd: ['bash', '-c', SWEEP_ONLY, 'fleetbench-sweep', id], AttachStdout: false, AttachStderr: false, User: user,
    }), 'exec create (sweep)', 30_000);
    await bounded(exec.start({ Detach: true }), 'exec start (sweep)', 30_000);
    const deadline = performance.now() + 10_000;
    while ((await bounded(exec.inspect(), 'exec inspect (sweep)', 30_000)).Running) {
      if (performance.now() > deadline) throw new Error('sweep did not finish within 10s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (e) {
    throw new HarnessError(`docker sandbox: ${why}, and killing it failed: ${(e as Error).message}`, { cause: e });
  }
}

function abbreviate(command: string): string {
  return command.length > 80 ? `${command.slice(0, 77)}...` : command;
}
