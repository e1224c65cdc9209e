// The shell shared by report.html and compare.html: one self-contained file, inline CSS, system fonts, no network.
import { escapeXml } from './format.ts';

const CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 24px auto; max-width: 1200px; padding: 0 16px; color: #212529; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #dee2e6; padding-bottom: 4px; }
p.meta, p.note { color: #495057; } p.note { font-size: 13px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #dee2e6; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f1f3f5; } tr:nth-child(even) td { background: #fafbfc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { display: block; margin: 8px 0 16px; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
.chart text { fill: #343a40; } .chart .cell-text { fill: #fff; font-weight: 600; font-size: 11px; }
.chart .cm-count { font-size: 20px; font-weight: 600; } .chart .cm-title { font-weight: 600; }
.confusions { display: flex; flex-wrap: wrap; gap: 16px; }
.good { color: #2b8a3e; } .bad { color: #c92a2a; font-weight: 600; }
code { background: #f1f3f5; padding: 0 4px; border-radius: 3px; }
`;

export function htmlPage(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeXml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** A table; cells are escaped text, `numeric` columns are right-aligned. Cells starting with \u0001 are trusted HTML. */
export function htmlTable(header: string[], rows: string[][], numeric: number[] = []): string {
  const cell = (s: string, i: number, tag: 'td' | 'th') =>
    `<${tag}${tag === 'td' && numeric.includes(i) ? ' class="num"' : ''}>${s.startsWith('\u0001') ? s.slice(1) : escapeXml(s)}</${tag}>`;
  return `<table><thead><tr>${header.map((h, i) => cell(h, i, 'th')).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c, i) => cell(c, i, 'td')).join('')}</tr>`).join('') + '</tbody></table>';
}

/** Trusted HTML inside an htmlTable cell. */
export const rawHtml = (html: string): string => '\u0001' + html;
