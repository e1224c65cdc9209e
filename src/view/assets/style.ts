// The viewer's stylesheet, inlined into the page (no CDN, opens offline).
export const STYLE_CSS = String.raw`
:root { --bg:#fff; --fg:#1d2330; --mut:#677084; --line:#e3e6ec; --hi:#f4f6fa;
  --success:#1a7f37; --ci_fail:#b35900; --incorrect:#c0262d; --out_of_scope:#8250df; --no_pr:#6e7781; --error:#000; }
* { box-sizing: border-box; }
body { margin:0; font:13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
header { display:flex; gap:16px; align-items:center; padding:8px 16px; border-bottom:1px solid var(--line); position:sticky; top:0; background:var(--bg); z-index:3; }
header h1 { font-size:15px; margin:0; } header nav a { margin-right:12px; }
a { color:#0a58ca; text-decoration:none; } a:hover { text-decoration:underline; }
main { padding:12px 16px; }
.muted { color:var(--mut); } .live { color:var(--success); font-weight:600; }
.filters { display:flex; flex-wrap:wrap; gap:8px; align-items:center; margin-bottom:8px; }
.filters select, .filters input { font:inherit; padding:3px 6px; border:1px solid var(--line); border-radius:4px; }
.chip { display:inline-block; padding:1px 8px; border-radius:10px; color:#fff; font-weight:600; font-size:12px; white-space:nowrap; }
.chip.off { opacity:.35; } button.chip { border:0; cursor:pointer; }
.o-success { background:var(--success); } .o-ci_fail { background:var(--ci_fail); } .o-incorrect { background:var(--incorrect); }
.o-out_of_scope { background:var(--out_of_scope); } .o-no_pr { background:var(--no_pr); } .o-error { background:var(--error); }
.grid { border:1px solid var(--line); border-radius:6px; overflow:hidden; }
.grow { display:grid; grid-template-columns: var(--cols); align-items:center; height:28px; padding:0 8px; border-bottom:1px solid var(--line); white-space:nowrap; }
.grow > * { overflow:hidden; text-overflow:ellipsis; padding-right:8px; }
.ghead { background:var(--hi); font-weight:600; cursor:pointer; user-select:none; }
.gbody { position:relative; overflow-y:auto; height:calc(100vh - 190px); min-height:200px; }
.gbody .grow { position:absolute; left:0; right:0; cursor:pointer; color:inherit; text-decoration:none; } .gbody .grow:hover { background:var(--hi); }
.num { text-align:right; }
.facts { display:grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap:6px 16px; margin:8px 0 16px; }
.facts div b { display:block; font-size:11px; color:var(--mut); font-weight:500; }
.step { border-left:3px solid var(--line); margin:0 0 6px; padding:2px 10px; }
.step.bad { border-left-color:var(--incorrect); } .step.k-grade, .step.k-result { border-left-color:#0a58ca; }
.step.k-judge, .step.k-course_correction { border-left-color:var(--out_of_scope); } .step.k-verify, .step.k-stop_hook { border-left-color:var(--ci_fail); }
.step summary { cursor:pointer; } .step .meta { color:var(--mut); font-size:12px; margin-left:8px; }
pre { margin:4px 0; padding:6px 8px; background:var(--hi); border-radius:4px; white-space:pre-wrap; word-break:break-word; max-height:480px; overflow:auto; font:12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
.diffs { display:grid; grid-template-columns:1fr 1fr; gap:12px; } .diffs > div { min-width:0; } .diffs pre { max-height:70vh; }
.add { background:#e6ffec; display:block; } .del { background:#ffebe9; display:block; } .hunk { color:#0a58ca; display:block; } .fh { font-weight:700; display:block; }
table.stats { border-collapse:collapse; margin:8px 0 16px; } table.stats td, table.stats th { border:1px solid var(--line); padding:3px 8px; text-align:left; }
.banner { padding:6px 10px; border-radius:4px; background:#fff8c5; margin:8px 0; }
.jc { font-weight:700; }
`;
