// The verifiers of a workspace as a file (.fleetbench/verifiers.json), so processes started inside the sandbox
// (`fleetbench mcp`, `fleetbench hook stop`) run exactly the verifiers the pipeline chose, scenario overrides included.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { VerifierToolSchema } from '../scenarios/schema.ts';
import { detectVerifiers } from './detect.ts';
import type { Verifier } from './verifier.ts';
import { parseWith } from '../util/zod-error.ts';

const VerifierFileSchema = z.array(z.object({
  name: z.string(), tool: VerifierToolSchema, command: z.string(), timeoutMs: z.number().positive(), reason: z.string(),
}));

export const VERIFIERS_FILE = path.join('.fleetbench', 'verifiers.json');

export function writeWorkspaceVerifiers(workspace: string, verifiers: Verifier[]): void {
  fs.mkdirSync(path.join(workspace, '.fleetbench'), { recursive: true });
  fs.writeFileSync(path.join(workspace, VERIFIERS_FILE), JSON.stringify(verifiers, null, 2) + '\n');
}

/** The pipeline's choice when it left one, else detection by marker files. */
export function workspaceVerifiers(workspace: string): Verifier[] {
  const file = path.join(workspace, VERIFIERS_FILE);
  if (!fs.existsSync(file)) return detectVerifiers(workspace);
  return parseWith(VerifierFileSchema, JSON.parse(fs.readFileSync(file, 'utf8')), file);
}
