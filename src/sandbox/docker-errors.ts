// Docker failures as one clear message with the fix; harness failures (a run's `error`) as HarnessError.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HarnessError, SandboxLostError } from '../util/errors.ts';
import { BUILD_HINT, START_DOCKER_HINT } from './docker-config.ts';

/** Every docker API call that is not a stream gets an answer within this long, or the call fails (never a hang). */
export const DOCKER_API_TIMEOUT_MS = 120_000;

const CONNECTION_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EACCES']);

interface DockerishError {
  code?: string;
  statusCode?: number;
  json?: { message?: string } | null;
  message?: string;
}

export function isConnectionError(e: unknown): boolean {
  const err = e as DockerishError;
  return (!!err?.code && CONNECTION_CODES.has(err.code)) || /socket hang up|connection lost/i.test(err?.message ?? '');
}

export function statusCodeOf(e: unknown): number | undefined {
  return (e as DockerishError)?.statusCode;
}

function apiMessage(e: unknown): string {
  const err = e as DockerishError;
  return (err?.json?.message ?? err?.message ?? String(e)).trim();
}

export interface ModemLike { socketPath?: unknown; socketPathCache?: unknown; host?: string; port?: number | string; protocol?: string }

/** The unix socket a client uses, if any (docker-modem's default is a function: ~/.docker/run/docker.sock or /var/run). */
export function unixSocketOf(modem: ModemLike): string | undefined {
  if (typeof modem.socketPath === 'string') return modem.socketPath;
  if (typeof modem.socketPath !== 'function') return undefined;
  if (typeof modem.socketPathCache === 'string') return modem.socketPathCache;
  const user = path.join(os.homedir(), '.docker', 'run', 'docker.sock');
  return existsSync(user) ? user : '/var/run/docker.sock';
}

/** Where the client connects, for messages: the unix socket or DOCKER_HOST's address. */
export function describeEndpoint(modem: ModemLike): string {
  const socket = unixSocketOf(modem);
  if (socket) return `unix://${socket}`;
  return `${modem.protocol ?? 'http'}://${modem.host ?? '?'}:${modem.port ?? '?'}`;
}

export function daemonUnreachable(endpoint: string, e: unknown, during?: string): HarnessError {
  const code = (e as DockerishError)?.code;
  return new HarnessError(
    `Docker daemon not reachable at ${endpoint}${during ? ` during ${during}` : ''} (${code ?? apiMessage(e)}): ${START_DOCKER_HINT}`,
    { cause: e },
  );
}

export function imageMissing(image: string, endpoint: string): HarnessError {
  return new HarnessError(`Docker image ${image} not found on ${endpoint}: ${BUILD_HINT}`);
}

/** Translate a dockerode rejection into one HarnessError saying what failed and what to do. */
export function translateDockerError(e: unknown, ctx: { during: string; endpoint: string; image?: string; containerId?: string }): HarnessError {
  if (e instanceof HarnessError) return e;
  if (isConnectionError(e)) return daemonUnreachable(ctx.endpoint, e, ctx.during);
  const status = statusCodeOf(e);
  const msg = apiMessage(e);
  if (status === 404 && ctx.image && /no such image/i.test(msg)) return imageMissing(ctx.image, ctx.endpoint);
  if ((status === 404 || status === 409) && ctx.containerId && /no such container|is not running|removal|is dead|is restarting/i.test(msg)) {
    return new SandboxLostError(`sandbox container ${ctx.containerId.slice(0, 12)} is gone during ${ctx.during} (${msg})`, { cause: e });
  }
  return new HarnessError(`docker ${ctx.during} failed: ${msg}`, { cause: e });
}

/** Reject when `p` has not settled within `ms`: a daemon that stops answering must not hang a run. */
export function bounded<T>(p: Promise<T>, what: string, ms = DOCKER_API_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(`docker ${what}: no answer from the daemon within ${Math.round(ms / 1000)}s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
