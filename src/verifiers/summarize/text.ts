// Text clean-up shared by every summarizer: terminal escapes, progress bars, internal stack frames.

// CSI (colours, cursor moves), OSC (titles, hyperlinks) and the remaining two-byte escapes.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// C0 controls other than tab and newline that survive ANSI stripping (bells, backspaces, form feeds).
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** What a terminal would end up showing: escapes removed, `\r` redraws collapsed to their last state. */
export function cleanOutput(raw: string): string {
  const text = stripAnsi(raw).replace(/\r\n/g, '\n');
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\r')) return line.replace(CONTROL, '');
      const segments = line.split('\r').filter((s) => s.trim() !== '');
      return (segments.at(-1) ?? '').replace(CONTROL, '');
    })
    .join('\n');
}

const PROGRESS_PATTERNS = [
  // [=====>    ] 45% | (####----) 3/10 | |████░░| ETA 3s
  /^\s*.{0,40}[[(|][=#>\-.█▉▊▋▌▍▎▏░▒▓■□ ]*[=#>█■▓]{3,}[=#>\-.█▉▊▋▌▍▎▏░▒▓■□ ]*[\])|].*(\d+(\.\d+)?\s*%|\d+\/\d+|\bETA\b)/iu,
  /[█▉▊▋▌▍▎▏░▒▓]{5,}/u, // block-character bars never carry information
  /^\s*\d{1,3}(\.\d+)?\s*%\s*$/, // bare percentages
  /^\S.*\s\[\s*\d{1,3}%\]$/, // pytest: "tests/test_x.py ..F.   [ 40%]"
  /^\s*Progress \(\d+\):/, // maven transfer progress
  /^\s*(Downloading|Downloaded|Download(ing)? from|Fetching|Resolving)\b.*(\d+(\.\d+)?\s*[kKMG]i?B|https?:\/\/)/, // transfers
  /^\s*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/u, // spinner frames
];

export function isProgressLine(line: string): boolean {
  // Bars are short; skipping long lines also keeps the patterns away from pathological input.
  if (line.trim().length === 0 || line.length > 400) return false;
  return PROGRESS_PATTERNS.some((p) => p.test(line));
}

// Frames that point into dependencies, runtimes or test-framework internals never help the agent fix its code.
const INTERNAL_FRAME = [
  /^\s*at .*(node_modules[\\/]|node:internal|node:[a-z_]+:\d|\(internal\/|\(<anonymous>\)$)/,
  /^\s*at (async )?(Promise\.all|new Promise|process\.processTicksAndRejections)\b/,
  /^\s*at (java\.base\/|java\.lang\.reflect|jdk\.internal\.|sun\.reflect\.|org\.junit\.|junit\.framework\.|org\.opentest4j\.|org\.apache\.maven\.|org\.gradle\.|worker\.org\.gradle\.|org\.codehaus\.|kotlin\.|scala\.|groovy\.lang\.|org\.testng\.)/,
  /^\s*\.\.\. \d+ (more|common frames omitted)$/,
  /(^|[\\/])(site-packages|dist-packages)[\\/](_pytest|pluggy|unittest)[\\/]/,
  /[\\/]lib[\\/]python\d(\.\d+)?[\\/](unittest|importlib)[\\/]/,
  /^<frozen importlib\._bootstrap/,
  /^\s*\/(usr\/(local\/)?lib\/go[^/]*|usr\/local\/go)\/src\//,
  /^\s*at \/rustc\/[0-9a-f]+\//,
];

export function isInternalFrame(line: string): boolean {
  return INTERNAL_FRAME.some((p) => p.test(line));
}

/** Lines worth showing when the format is unknown: not blank, not progress, not an internal frame. */
export function meaningfulLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '' && !isProgressLine(l) && !isInternalFrame(l));
}

/** Shortens one over-long line (minified values, huge diffs) with an explicit marker; never used on the budget edge. */
export function clipLine(line: string, max: number): string {
  if (line.length <= max) return line;
  return `${line.slice(0, max - 2).trimEnd()} …`;
}

/** Removes the common leading indentation of a block of lines. */
export function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, l.length - l.trimStart().length)));
}

/** Parses `12ms`, `3.1s`, `1.86s`, `1m 13s`, `0.674 s` into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  let m = /^(\d+(?:\.\d+)?)\s*ms$/.exec(t);
  if (m) return Math.round(Number(m[1]));
  m = /^(?:(\d+)\s*h\s*)?(?:(\d+)\s*m(?:in)?\s*)?(?:(\d+(?:\.\d+)?)\s*s(?:ec(?:onds?)?)?)?$/.exec(t);
  if (m && (m[1] || m[2] || m[3])) {
    return Math.round(((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000);
  }
  return undefined;
}
