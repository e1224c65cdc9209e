// Drafts of the parts of scenario.yaml a human should read and may edit: ecosystem, hidden command, prompt, scope,
// title, license. Pure: they see file names and texts, never the disk.
import type { Ecosystem, VerifierTool } from '../scenarios/schema.ts';
import { toolOfTestScript } from '../verifiers/detect.ts';

/** The ecosystem of a tree from its marker files (the same markers the verifiers are detected by). */
export function detectEcosystem(files: string[]): Ecosystem | null {
  const has = (n: string) => files.includes(n);
  if (has('package.json')) return 'node';
  if (has('Cargo.toml')) return 'rust';
  if (has('go.mod')) return 'go';
  if (has('pom.xml')) return 'java-maven';
  if (has('build.gradle') || has('build.gradle.kts')) return 'java-gradle';
  if (['pyproject.toml', 'setup.py', 'setup.cfg'].some(has) || files.some((f) => f.endsWith('.py'))) return 'python';
  return null;
}

/**
 * The command that runs the hidden checks. The hidden files sit where the commit put its tests, so each ecosystem's
 * ordinary test command picks them up; for Python they are named, so an agent's pytest config cannot deselect them.
 */
export function hiddenCommandFor(ecosystem: Ecosystem, hiddenFiles: string[], newPackageJson?: string): { command: string; tool: VerifierTool } {
  switch (ecosystem) {
    case 'node': {
      let script = '';
      try { script = (JSON.parse(newPackageJson ?? '{}') as { scripts?: Record<string, string> }).scripts?.test ?? ''; } catch { /* not JSON: npm */ }
      return { command: 'npm test', tool: toolOfTestScript(script) };
    }
    case 'python': {
      const py = hiddenFiles.filter((f) => f.endsWith('.py') && !f.endsWith('conftest.py'));
      return { command: `python3 -m pytest -q -p no:cacheprovider ${py.join(' ')}`.trim(), tool: 'pytest' };
    }
    case 'go': return { command: 'go test ./...', tool: 'go' };
    case 'rust': return { command: 'cargo test --offline -q', tool: 'cargo' };
    case 'java-maven': return { command: 'mvn -o -q -B test', tool: 'maven' };
    case 'java-gradle': return { command: 'gradle --offline -q test', tool: 'gradle' };
  }
}

/** Scope: every directory the commit touched (`dir/**`) and every root file it touched by name. */
export function draftScope(paths: string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const slash = p.lastIndexOf('/');
    out.add(slash < 0 ? p : `${p.slice(0, slash)}/**`);
  }
  // A folder glob covers the globs of its subfolders.
  const globs = [...out].sort();
  return globs.filter((g) => !globs.some((o) => o !== g && o.endsWith('/**') && g.startsWith(o.slice(0, -2))));
}

/** The commit subject without conventional-commit or version prefixes, as the scenario title. */
export function draftTitle(message: string): string {
  const subject = message.split('\n')[0].trim();
  return subject.replace(/^(?:\w+(?:\([^)]*\))?!?:\s*)/, '').replace(/^v?\d+\.\d+\.\d+\S*\s*[:-]?\s*/, '') || subject || 'Imported change';
}

/**
 * The prompt: the commit message as the task, plus what every migration prompt says. The author should edit it into
 * what a fleet operator would write (the what and the why, not the how); scenario.yaml says so in a comment.
 */
export function draftPrompt(message: string): string {
  const lines = message.trim().split('\n').filter((l) => !/^(Signed-off-by|Co-authored-by|Change-Id):/i.test(l));
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return `${text}\n\nMake this change across the repository. Keep every existing test case (migrate tests the change affects), and change nothing unrelated.\n`;
}

/** The SPDX id of a license text, by its telltale sentences; null when unknown. */
export function licenseOf(text: string): string | null {
  const t = text.replace(/\s+/g, ' ');
  if (/Permission is hereby granted, free of charge/i.test(t)) return 'MIT';
  if (/Permission to use, copy, modify, and\/or distribute this software for any purpose/i.test(t)) return 'ISC';
  if (/Apache License,? Version 2\.0/i.test(t)) return 'Apache-2.0';
  if (/Mozilla Public License,? (?:v\. |version )?2\.0/i.test(t)) return 'MPL-2.0';
  if (/Neither the name of/i.test(t) && /Redistribution and use/i.test(t)) return 'BSD-3-Clause';
  if (/Redistribution and use/i.test(t)) return 'BSD-2-Clause';
  if (/GNU LESSER GENERAL PUBLIC LICENSE/i.test(t)) return 'LGPL';
  if (/GNU GENERAL PUBLIC LICENSE/i.test(t)) return 'GPL';
  if (/This is free and unencumbered software released into the public domain/i.test(t)) return 'Unlicense';
  return null;
}

/** A scenario id from a title: lowercase words joined by dashes, bounded. */
export function draftId(prefix: string, title: string): string {
  const words = `${prefix} ${title}`.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  return words.slice(0, 7).join('-').slice(0, 60).replace(/-+$/, '') || 'imported';
}
