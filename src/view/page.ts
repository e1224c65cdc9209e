// The viewer's one page: HTML with the stylesheet and script inline. Served as is, or with the API answers embedded
// (the static bundle), in which case it makes no request at all.
import { STYLE_CSS } from './assets/style.ts';
import { APP_JS } from './assets/app.ts';

/** JSON safe inside a <script> element: `<` escaped, so no `</script>` or `<!--` in the data can end it. */
export function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The page around its data: `head`, then (static bundle only) the data script, then `tail`. Split so the static
 * bundle can stream its data in between, one run at a time, never holding the whole bundle.
 */
export function pageParts(isStatic: boolean): { head: string; tail: string } {
  // The CSP keeps a static bundle (or a served page) from loading anything: no fetch off the origin, no CDN.
  const csp = isStatic ? "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
    : "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:";
  const head = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>fleetbench view</title><style>${STYLE_CSS}</style></head>
<body><header><h1>fleetbench view</h1><nav><a href="#/runs">runs</a><a href="#/compare">compare</a></nav>
<span class="muted" id="dirs"></span><span class="live" id="live"></span></header>
<main id="app"><p class="muted">loading…</p></main>
`;
  return { head, tail: `<script>${APP_JS}</script>\n</body></html>\n` };
}

/** The page; `embedded` maps API paths (`/api/runs?dir=0`) to their answers for a static bundle. */
export function renderPage(embedded: Record<string, unknown> | null): string {
  const { head, tail } = pageParts(embedded !== null);
  return head + (embedded ? `<script>window.FLEETBENCH_DATA=${scriptJson(embedded)};</script>\n` : '') + tail;
}
