// One command in a warm container through the exec API, with the timeout the Docker API lacks.
//
// Per-exec cleanup by user, not by an environment marker. The container's own processes (docker-init and the `cat`
// keep-alive) run as root with only CAP_KILL/CAP_SETUID/CAP_SETGID; every command runs as the sandbox user (uid 1000)
// with no capabilities and no-new-privileges, so whatever a command starts (setsid, `env -i`, double forks) is a
// uid-1000 process. The exec's own wrapper runs as root: it starts `timeout` (root, so the command can neither kill
// nor ptrace it), which drops to uid 1000 through setpriv; when the command ends (normally or at its timeout) the
// wrapper kills every uid-1000 process in the container's PID namespace, rescanning until none is left (a fork bomb
// keeps forking while we kill). The command cannot kill the wrapper, the keep-alive or the container's init. A host
// watchdog covers a wrapper that never returns.
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
/** The user the wrapper and the sweep run as (root with CAP_KILL, CAP_SETUID, CAP_SETGID only). */
export const WRAPPER_USER = '0:0';
/** Written to stderr by the wrapper when uid-1000 processes survived every sweep round (never seen in practice). */
export const SWEEP_INCOMPLETE = '[fleetbench: processes of the sandbox user survived the cleanup]';

// A bash function (plain strings: the shell's ${...} must not be template interpolation). Fork-free (builtins only:
// at the pids limit every fork fails). Kills every live process whose real uid is $1: first SIGSTOP until none of them
// runs (a stopped process keeps its pid slot, so a fork bomb at the limit can no longer fork, and cannot resume the
// others), then SIGKILL them all; repeated until none is left. Zombies and the dead are init's to reap.
const SWEEP = [
  'sweep() {',
  '  local uid=$1 round p line state u left running',
  '  for ((round = 0; round < 400; round++)); do',
  '    left=0 running=0',
  '    for p in /proc/[0-9]*; do',
  '      state="" u=""',
  '      while IFS= read -r line; do',
  '        case $line in State:*) state=$line ;; Uid:*) u=$line; break ;; esac',
  '      done 2>/dev/null < "$p/status"',
  '      u=${u#Uid:}; u=${u#"${u%%[![:space:]]*}"}; u=${u%%[[:space:]]*}', // real uid: the first field
  '      [ "$u" = "$uid" ] || continue',
  '      case $state in *Z\\ *|*X\\ *) continue ;; esac',
  '      left=1',
  '      case $state in *T\\ *|*t\\ *) ;; *) running=1; kill -STOP "${p#/proc/}" 2>/dev/null ;; esac',
  '    done',
  '    [ "$left" = 0 ] && return 0',
  '    [ "$running" = 1 ] && continue',
  '    for p in /proc/[0-9]*; do',
  '      u=""',
  '      while IFS= read -r line; do case $line in Uid:*) u=$line; break ;; esac; done 2>/dev/null < "$p/status"',
  '      u=${u#Uid:}; u=${u#"${u%%[![:space:]]*}"}; u=${u%%[[:space:]]*}',
  '      [ "$u" = "$uid" ] && kill -KILL "${p#/proc/}" 2>/dev/null',
  '    done',
  '  done',
  '  return 1',
  '}',
].join('\n');

/**
 * bash -c WRAPPER fleetbench-exec <uid> <gid> <groups,> <seconds> <cwd> <command>, as root. The fd juggling keeps
 * bash's own "Killed" job notice out of the command's stderr while the command's stderr passes through.
 */
export const EXEC_WRAPPER = `${SWEEP}
{ timeout -k ${KILL_GRACE_SECONDS} "$4" setpriv --reuid="$1" --regid="$2" --groups="$3" env -C "$5" bash -c "$6" 2>&3 3>&-; } 3>&2 2>/dev/null
rc=$?
sweep "$1" || echo '${SWEEP_INCOMPLETE}' >&2
exit $rc`;

const SWEEP_ONLY = `${SWEEP}
sweep "$1" || exit 3`;

export interface ExecRequest {
  command: string;
  env: string[];
  /** Numeric uid and gid the command runs as (the sandbox user). */
  uid: number;
  gid: number;
  /** Supplementary groups of the command (numeric); its gid is always among them. */
  groups: string[];
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

/** `uid[:gid]` (numeric, not root) as the wrapper's arguments; the sandbox's supplementary groups go with its own user. */
export function parseUser(user: string): { uid: number; gid: number } {
  const m = /^(\d+)(?::(\d+))?$/.exec(user);
  if (!m) throw new Error(`docker sandbox: exec user must be numeric uid[:gid], got ${JSON.stringify(user)}`);
  // Commands never run as root: the container's init and keep-alive are root's, and the sweep kills the user's all.
  if (Number(m[1]) === 0) throw new Error('docker sandbox: commands cannot run as root (uid 0)');
  return { uid: Number(m[1]), gid: Number(m[2] ?? m[1]) };
}

export function wrapperArgs(req: Pick<ExecRequest, 'uid' | 'gid' | 'groups' | 'timeoutMs' | 'workingDir' | 'command'>): string[] {
  const groups = [...new Set([String(req.gid), ...req.groups])].join(',');
  return ['bash', '-c', EXEC_WRAPPER, 'fleetbench-exec', String(req.uid), String(req.gid), groups,
    timeoutArgument(req.timeoutMs), req.workingDir, req.command];
}

type StreamOutcome = { kind: 'end' } | { kind: 'watchdog' } | { kind: 'error'; error: Error };

/** Thrown (as a cause) when the exec's stream or inspect failed: the caller checks whether the container is gone. */
export class ExecStreamError extends HarnessError {
  constructor(message: string, options?: { cause?: unknown }) { super(message, options); this.name = 'ExecStreamError'; }
}

export async function runExec(container: Docker.Container, req: ExecRequest): Promise<ExecResult> {
  const started = performance.now();
  const hasStdin = req.stdin !== undefined;
  const exec = await bounded(container.exec({
    Cmd: wrapperArgs(req),
    AttachStdout: true,
    AttachStderr: true,
    AttachStdin: hasStdin,
    Tty: false,
    Env: req.env,
    User: WRAPPER_USER,
    WorkingDir: '/', // the command's own directory is entered as uid 1000 (env -C): it may be closed to root
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
    await sweepUser(container, req.uid, 'the command outlived its timeout and the kill grace');
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
    throw new ExecStreamError(`docker connection lost during exec of \`${abbreviate(req.command)}\`: ${(e as Error).message}`, { cause: e });
  }
  if (info.Running || info.ExitCode === null || info.ExitCode === undefined) {
    // The output stream broke but the command is still running: stop it and fail the run rather than guess.
    await sweepUser(container, req.uid, 'the exec output stream closed while the command was running').catch(() => {});
    const why = outcome.kind === 'error' ? outcome.error.message : 'stream closed early';
    throw new ExecStreamError(`docker exec of \`${abbreviate(req.command)}\` lost its output stream (${why})`);
  }
  const elapsed = performance.now() - started;
  return result(info.ExitCode, isTimeoutExit(info.ExitCode, elapsed, req.timeoutMs));
}

/** Kill every process of `uid` in the container, from a root exec the user's processes cannot kill. */
export async function sweepUser(container: Docker.Container, uid: number, why: string): Promise<void> {
  try {
    const exec = await bounded(container.exec({
      Cmd: ['bash', '-c', SWEEP_ONLY, 'fleetbench-sweep', String(uid)], AttachStdout: false, AttachStderr: false,
      User: WRAPPER_USER, WorkingDir: '/',
    }), 'exec create (sweep)', 30_000);
    await bounded(exec.start({ Detach: true }), 'exec start (sweep)', 30_000);
    const deadline = performance.now() + 20_000;
    let info: Docker.ExecInspectInfo;
    while ((info = await bounded(exec.inspect(), 'exec inspect (sweep)', 30_000)).Running) {
      if (performance.now() > deadline) throw new Error('sweep did not finish within 20s');
      await new Promise((r) => setTimeout(r, 50));
    }
    if (info.ExitCode !== 0) throw new Error(`sweep exited ${info.ExitCode}`);
  } catch (e) {
    throw new ExecStreamError(`docker sandbox: ${why}, and killing it failed: ${(e as Error).message}`, { cause: e });
  }
}

function abbreviate(command: string): string {
  return command.length > 80 ? `${command.slice(0, 77)}...` : command;
}
