// The viewer's client script, inlined into the page. Plain ES2020, no framework. Data comes from the server's JSON
// API or, in a static bundle, from window.FLEETBENCH_DATA keyed by the same API paths. Routes live in the URL hash
// (#/runs?outcome=…, #/run?dir=0&key=…, #/compare?base=0&cand=1) so every view is a shareable link.
// Written without template literals: this file is itself a template literal.
export const APP_JS = String.raw`
(function () {
'use strict';
var EMBEDDED = window.FLEETBENCH_DATA || null;
var OUTCOMES = ['success', 'out_of_scope', 'incorrect', 'ci_fail', 'no_pr', 'error'];
var ROW_H = 28;
var app = document.getElementById('app');
var dirs = [];
var rowsByDir = [];
var stamps = [];

function get(p) {
  if (EMBEDDED) return Promise.resolve(Object.prototype.hasOwnProperty.call(EMBEDDED, p) ? EMBEDDED[p] : null);
  return fetch(p).then(function (r) { return r.ok ? r.json() : null; });
}
function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
function h(tag, attrs, html) {
  var a = '';
  for (var k in attrs || {}) if (attrs[k] != null && attrs[k] !== false) a += ' ' + k + '="' + esc(attrs[k]) + '"';
  return '<' + tag + a + '>' + (html == null ? '' : html) + '</' + tag + '>';
}
function chip(o) { return h('span', { 'class': 'chip o-' + o }, esc(o)); }
function money(v) { return v == null ? '–' : '$' + (v < 0.01 && v > 0 ? v.toFixed(4) : v.toFixed(2)); }
function secs(ms) { return ms == null ? '' : ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s'; }
function parseHash() {
  var hsh = location.hash.replace(/^#/, '') || '/runs';
  var at = hsh.indexOf('?');
  return { view: at < 0 ? hsh : hsh.slice(0, at), q: new URLSearchParams(at < 0 ? '' : hsh.slice(at + 1)) };
}
// The grid's last filters, so "all runs" on a run page goes back to the same filtered view.
var lastRuns = '#/runs';
function setHash(view, q) { var s = q.toString(); history.replaceState(null, '', '#' + view + (s ? '?' + s : '')); if (view === '/runs') lastRuns = location.hash; }
function runLink(dir, key) { return '#/run?dir=' + dir + '&key=' + encodeURIComponent(key); }
function diffHtml(text) {
  return esc(text).split('\n').map(function (l) {
    var c = /^(diff --git|index |--- |\+\+\+ )/.test(l) ? 'fh' : l[0] === '+' ? 'add' : l[0] === '-' ? 'del' : l.indexOf('@@') === 0 ? 'hunk' : '';
    return c ? '<span class="' + c + '">' + l + '</span>' : l + '\n';
  }).join('');
}

// ---- runs grid ----
var COLS = [
  ['dir', 'dir', 0.6], ['scenario', 'scenario', 2.2], ['agent', 'agent', 1.8], ['judge', 'judge', 1], ['epoch', 'epoch', 0.5, 1],
  ['outcome', 'outcome', 1.1], ['graded', 'graded', 1.1], ['verdict', 'judge verdict', 1], ['costUsd', 'cost', 0.7, 1],
  ['tokens', 'tokens', 0.8, 1], ['turns', 'turns', 0.5, 1], ['wallMs', 'wall', 0.7, 1]
];
function allRows() { var out = []; rowsByDir.forEach(function (rs) { if (rs) out = out.concat(rs); }); return out; }
function distinct(rows, f) { var s = {}; rows.forEach(function (r) { [].concat(r[f]).forEach(function (v) { if (v != null) s[v] = 1; }); }); return Object.keys(s).sort(); }
function filtered(q) {
  var outs = q.get('outcome') ? q.get('outcome').split(',') : null;
  var text = (q.get('q') || '').toLowerCase();
  var rows = allRows().filter(function (r) {
    if (outs && outs.indexOf(r.outcome) < 0) return false;
    if (q.get('agent') && r.agent !== q.get('agent')) return false;
    if (q.get('judge') && r.judge !== q.get('judge')) return false;
    if (q.get('scenario') && r.scenario !== q.get('scenario')) return false;
    if (q.get('tag') && r.tags.indexOf(q.get('tag')) < 0) return false;
    if (q.get('dir') && String(r.dir) !== q.get('dir')) return false;
    if (text && (r.scenario + ' ' + r.agent + ' ' + r.judge + ' ' + r.outcome + ' ' + r.reason + ' ' + r.tags.join(' ')).toLowerCase().indexOf(text) < 0) return false;
    return true;
  });
  var sort = q.get('sort'), desc = q.get('desc') === '1';
  if (sort) rows.sort(function (a, b) {
    var x = a[sort], y = b[sort];
    var c = x == null ? (y == null ? 0 : 1) : y == null ? -1 : typeof x === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
    return desc ? -c : c;
  });
  return rows;
}
function cell(r, c) {
  var v = r[c[0]];
  if (c[0] === 'outcome') return chip(v);
  if (c[0] === 'graded') return v ? chip(v) : '<span class="muted">–</span>';
  if (c[0] === 'verdict') return v ? esc(v) + (r.judgeClass ? ' <span class="jc">' + r.judgeClass + '</span>' : '') : '<span class="muted">–</span>';
  if (c[0] === 'costUsd') return money(v);
  if (c[0] === 'wallMs') return secs(v);
  if (c[0] === 'dir') return esc(dirs[v] ? dirs[v].name : v);
  return esc(v);
}
function renderRuns(q) {
  lastRuns = '#/runs' + (q.toString() ? '?' + q.toString() : '');
  var every = allRows();
  var rows = filtered(q);
  var outs = q.get('outcome') ? q.get('outcome').split(',') : [];
  var counts = {}; every.forEach(function (r) { counts[r.outcome] = (counts[r.outcome] || 0) + 1; });
  function sel(name, values) {
    return h('select', { 'data-f': name }, h('option', { value: '' }, 'all ' + name + 's') + values.map(function (v) {
      return h('option', { value: v, selected: q.get(name) === v ? 'selected' : null }, esc(name === 'dir' ? dirs[v].name : v));
    }).join(''));
  }
  var cols = COLS.filter(function (c) { return c[0] !== 'dir' || dirs.length > 1; });
  var tmpl = cols.map(function (c) { return c[2] + 'fr'; }).join(' ');
  app.innerHTML = h('div', { 'class': 'filters' },
      OUTCOMES.map(function (o) {
        return h('button', { 'class': 'chip o-' + o + (outs.length && outs.indexOf(o) < 0 ? ' off' : ''), 'data-outcome': o }, esc(o) + ' ' + (counts[o] || 0));
      }).join('') +
      sel('agent', distinct(every, 'agent')) + sel('judge', distinct(every, 'judge')) + sel('scenario', distinct(every, 'scenario')) +
      sel('tag', distinct(every, 'tags')) + (dirs.length > 1 ? sel('dir', dirs.map(function (d) { return String(d.index); })) : '') +
      h('input', { type: 'search', placeholder: 'search scenario, agent, reason…', value: q.get('q') || '', id: 'search' }) +
      h('span', { 'class': 'muted', id: 'count' }, rows.length + ' of ' + every.length + ' runs')) +
    h('div', { 'class': 'grid', style: '--cols:' + tmpl },
      h('div', { 'class': 'grow ghead' }, cols.map(function (c) {
        var arrow = q.get('sort') === c[0] ? (q.get('desc') === '1' ? ' ▼' : ' ▲') : '';
        return h('div', { 'data-sort': c[0], 'class': c[3] ? 'num' : null }, esc(c[1]) + arrow);
      }).join('')) +
      h('div', { 'class': 'gbody', id: 'gbody' }, h('div', { id: 'spacer', style: 'height:' + rows.length * ROW_H + 'px' }, '')));
  var body = document.getElementById('gbody'), spacer = document.getElementById('spacer');
  // Virtualized: only the rows in view (plus a margin) are in the DOM, so 10,000 runs scroll like 50.
  function paint() {
    var first = Math.max(0, Math.floor(body.scrollTop / ROW_H) - 10), last = Math.min(rows.length, first + Math.ceil(body.clientHeight / ROW_H) + 20);
    var html = '';
    for (var i = first; i < last; i++) {
      var r = rows[i];
      html += h('a', { 'class': 'grow run-row', href: runLink(r.dir, r.key), style: 'top:' + i * ROW_H + 'px', 'data-outcome': r.outcome },
        cols.map(function (c) { return h('div', { 'class': c[3] ? 'num' : null }, cell(r, c)); }).join(''));
    }
    spacer.innerHTML = html;
  }
  body.onscroll = paint;
  paint();
  app.querySelectorAll('[data-outcome].chip').forEach(function (b) {
    b.onclick = function () {
      var o = b.getAttribute('data-outcome'), cur = q.get('outcome') ? q.get('outcome').split(',') : [];
      cur = cur.indexOf(o) >= 0 ? cur.filter(function (x) { return x !== o; }) : cur.concat([o]);
      if (cur.length) q.set('outcome', cur.join(',')); else q.delete('outcome');
      setHash('/runs', q); renderRuns(q);
    };
  });
  app.querySelectorAll('select[data-f]').forEach(function (s) {
    s.onchange = function () { if (s.value) q.set(s.getAttribute('data-f'), s.value); else q.delete(s.getAttribute('data-f')); setHash('/runs', q); renderRuns(q); };
  });
  app.querySelectorAll('[data-sort]').forEach(function (d) {
    d.onclick = function () {
      var k = d.getAttribute('data-sort');
      if (q.get('sort') === k) { if (q.get('desc') === '1') q.delete('desc'); else q.set('desc', '1'); } else { q.set('sort', k); q.delete('desc'); }
      setHash('/runs', q); renderRuns(q);
    };
  });
  var search = document.getElementById('search');
  search.oninput = function () {
    if (search.value) q.set('q', search.value); else q.delete('q');
    setHash('/runs', q); renderRuns(q);
    var s2 = document.getElementById('search'); s2.focus(); s2.setSelectionRange(s2.value.length, s2.value.length);
  };
}

// ---- one run ----
function fact(label, html) { return h('div', null, h('b', null, esc(label)) + html); }
function stepsHtml(list) {
  return list.map(function (s) {
    var meta = [s.ms != null ? '+' + secs(s.ms) : '', s.tokens ? s.tokens.input + ' in / ' + s.tokens.output + ' out tokens' : '', s.costUsd != null ? money(s.costUsd) : ''].filter(Boolean).join(' · ');
    return h('details', { 'class': 'step k-' + s.kind + (s.bad ? ' bad' : ''), open: s.kind === 'judge' || s.kind === 'grade' || s.kind === 'course_correction' ? 'open' : null },
      h('summary', null, esc(s.title) + h('span', { 'class': 'meta' }, esc(meta))) + (s.body ? h('pre', null, esc(s.body)) : ''));
  }).join('');
}
// Both patches cut at their 'diff --git' lines and lined up file by file: the same file side by side, a file only
// one of them touches beside an empty cell.
function fileSections(text) {
  var out = {}, order = [];
  text.split(/^(?=diff --git )/m).forEach(function (sec) {
    var m = /^diff --git .* b\/(.*)$/m.exec(sec);
    if (!m) return;
    out[m[1]] = sec; order.push(m[1]);
  });
  return { out: out, order: order };
}
function sideBySide(finalText, goldenText) {
  var a = fileSections(finalText), b = fileSections(goldenText);
  var files = a.order.concat(b.order.filter(function (f) { return !(f in a.out); }));
  return files.map(function (f) {
    function col(side, cls) { return side.out[f] != null ? h('pre', { 'class': cls }, diffHtml(side.out[f].replace(/\n$/, ''))) : h('p', { 'class': 'muted ' + cls }, 'does not touch ' + esc(f)); }
    return h('div', { 'class': 'diffs' }, h('div', null, col(a, 'final-diff')) + h('div', null, col(b, 'golden-diff')));
  }).join('');
}
function renderRun(q) {
  app.innerHTML = '<p class="muted">loading…</p>';
  get('/api/run?dir=' + q.get('dir') + '&key=' + encodeURIComponent(q.get('key') || '')).then(function (d) {
    if (!d) { app.innerHTML = '<p>run not found</p>'; return; }
    var r = d.result, t = r.tokens;
    var steps = stepsHtml(d.timeline.steps);
    var j = d.judge;
    var variant = d.variant ? h('div', { 'class': 'banner', id: 'variant' }, 'This diff is the labeled variant <b>' + esc(d.variant.name) + '</b>: label <b>' + esc(d.variant.label) + '</b>, category <b>' + esc(d.variant.category) + '</b>. ' + esc(d.variant.description)) : '';
    app.innerHTML = h('p', null, h('a', { href: lastRuns, id: 'back' }, '← all runs')) +
      h('h2', null, esc(r.scenario) + ' · ' + esc(r.agent) + ' · ' + esc(r.judge) + ' · epoch ' + r.epoch + ' ' + chip(r.outcome)) +
      h('p', { id: 'reason' }, esc(r.reason) + (r.error ? h('pre', null, esc(r.error)) : '')) +
      h('div', { 'class': 'facts' },
        fact('graded', r.graded ? chip(r.graded) : '–') + fact('submitted', r.submitted ? 'yes' : 'no') +
        fact('judge verdict', esc(j.verdict || '–') + (j.judgeClass ? ' <span class="jc" id="judge-class">' + j.judgeClass + '</span> (label ' + esc(j.label) + ')' : '')) +
        fact('vetoes / course corrected', r.vetoes + ' / ' + (r.courseCorrected == null ? '–' : r.courseCorrected ? 'yes' : 'no')) +
        fact('cost', money(r.costUsd) + (r.judgeCostUsd ? ' + judge ' + money(r.judgeCostUsd) : '')) +
        fact('tokens in / out / cache', t.input + ' / ' + t.output + ' / ' + (t.cacheRead + t.cacheWrite)) +
        fact('turns / tool calls / verify', r.turns + ' / ' + r.toolCalls + ' / ' + r.verifierCalls) + fact('stop-hook blocks', String(r.stopHookBlocks)) +
        fact('wall time', secs(r.wallMs)) + fact('diff', r.diffStats.files + ' files, +' + r.diffStats.added + ' −' + r.diffStats.removed) +
        fact('CI', r.ci.map(function (c) { return esc(c.summary); }).join('<br>') || '–') + fact('hidden checks', esc(r.hiddenSummary || '–'))) +
      (r.scopeViolations.length ? h('div', { 'class': 'banner' }, 'Scope violations: ' + r.scopeViolations.map(function (v) { return esc(v.rule + ' ' + v.file + ': ' + v.detail); }).join('; ')) : '') +
      h('h3', null, 'Timeline ' + h('span', { 'class': 'muted' }, d.timeline.total + ' steps')) + (d.timeline.note ? h('p', { 'class': 'muted' }, esc(d.timeline.note)) : '') + h('div', { id: 'timeline' }, steps) + h('div', { id: 'more' }, '') +
      h('h3', null, 'Final diff vs golden') + variant +
      (d.fileDelta && (d.fileDelta.onlyInDiff.length || d.fileDelta.onlyInGolden.length) ? h('p', { id: 'file-delta' },
        (d.fileDelta.onlyInDiff.length ? 'Only in the final diff: <b>' + esc(d.fileDelta.onlyInDiff.join(', ')) + '</b>. ' : '') +
        (d.fileDelta.onlyInGolden.length ? 'Only in the golden: <b>' + esc(d.fileDelta.onlyInGolden.join(', ')) + '</b>.' : '')) : '') +
      h('div', { 'class': 'diffs' },
        h('div', null, h('b', null, 'final diff') + (d.diff ? ' <span class="muted">(' + esc(d.diff.source) + ')</span>' : '')) +
        h('div', null, h('b', null, 'golden (solution.patch)'))) +
      (d.diff && d.golden != null ? h('div', { id: 'side-by-side' }, sideBySide(d.diff.text, d.golden)) :
        h('div', { 'class': 'diffs' },
          h('div', null, d.diff ? h('pre', { 'class': 'final-diff' }, diffHtml(d.diff.text)) : h('p', { 'class': 'muted final-diff' }, esc(d.diffNote))) +
          h('div', null, d.golden != null ? h('pre', { 'class': 'golden-diff' }, diffHtml(d.golden)) : h('p', { 'class': 'muted' }, 'scenario not found'))));
    moreButton(q, d.timeline.steps.length, d.timeline.total);
  });
}
// Long transcripts come in pages: the first paints at once, the next on request (streamed from disk by the server).
function moreButton(q, shown, total) {
  var more = document.getElementById('more');
  if (!more || shown >= total) { if (more) more.innerHTML = ''; return; }
  if (EMBEDDED) { more.innerHTML = h('p', { 'class': 'muted' }, (total - shown) + ' more steps are in the transcript: this static page holds the first ' + shown + ' (fleetbench view DIR pages through all of them)'); return; }
  more.innerHTML = h('button', { id: 'more-steps' }, 'show ' + Math.min(400, total - shown) + ' more of ' + (total - shown) + ' remaining steps');
  document.getElementById('more-steps').onclick = function () {
    get('/api/timeline?dir=' + q.get('dir') + '&key=' + encodeURIComponent(q.get('key') || '') + '&from=' + shown).then(function (p) {
      if (!p) return;
      document.getElementById('timeline').insertAdjacentHTML('beforeend', stepsHtml(p.steps));
      moreButton(q, shown + p.steps.length, p.total);
    });
  };
}

// ---- compare ----
function pct(x) { return isNaN(x) ? '–' : (x * 100).toFixed(1) + '%'; }
function renderCompare(q) {
  if (dirs.length < 2) { app.innerHTML = '<p>Compare needs two results directories: fleetbench view BASE CAND</p>'; return; }
  var b = q.get('base') || '0', c = q.get('cand') || '1';
  function pick(name, v) { return h('select', { 'data-c': name }, dirs.map(function (d) { return h('option', { value: d.index, selected: String(d.index) === v ? 'selected' : null }, esc(d.name)); }).join('')); }
  app.innerHTML = h('div', { 'class': 'filters' }, 'base ' + pick('base', b) + ' candidate ' + pick('cand', c)) + '<p class="muted">comparing…</p>';
  app.querySelectorAll('select[data-c]').forEach(function (s) { s.onchange = function () { q.set(s.getAttribute('data-c'), s.value); setHash('/compare', q); renderCompare(q); }; });
  get('/api/compare?base=' + b + '&cand=' + c).then(function (r) {
    var html = '';
    if (!r) { app.lastChild.textContent = 'nothing to compare (no variant in common)'; return; }
    r.variants.forEach(function (v) {
      html += h('h3', null, esc(v.base) + ' → ' + esc(v.cand)) + h('p', { 'class': 'muted' }, v.pairs + ' pairs, ' + v.errorPairs + ' with a harness error left out');
      html += h('table', { 'class': 'stats' }, h('tr', null, '<th>metric</th><th>base</th><th>candidate</th><th>Δ [95% CI]</th><th>McNemar p</th>') +
        v.binary.map(function (m) { return h('tr', null, h('td', null, m.metric) + h('td', null, pct(m.base.rate)) + h('td', null, pct(m.cand.rate)) + h('td', null, pct(m.delta.estimate) + ' [' + pct(m.delta.low) + ', ' + pct(m.delta.high) + ']') + h('td', null, m.p.toFixed(3))); }).join('') +
        v.numeric.map(function (m) { return h('tr', null, h('td', null, m.metric) + h('td', null, isNaN(m.baseMean) ? '–' : m.baseMean.toFixed(3)) + h('td', null, isNaN(m.candMean) ? '–' : m.candMean.toFixed(3)) + h('td', null, isNaN(m.delta.estimate) ? '–' : m.delta.estimate.toFixed(3) + ' [' + m.delta.low.toFixed(3) + ', ' + m.delta.high.toFixed(3) + ']') + h('td', null, '')); }).join(''));
    });
    html += h('h3', null, 'Flipped scenarios (' + r.flips.length + ')') + (r.flips.length ? h('table', { 'class': 'stats', id: 'flips' }, h('tr', null, '<th></th><th>scenario</th><th>epoch</th><th>base</th><th>candidate</th>') +
      r.flips.map(function (f) {
        return h('tr', { 'class': 'flip ' + f.direction }, h('td', null, f.direction) + h('td', null, esc(f.scenario)) + h('td', null, f.epoch) +
          h('td', null, h('a', { href: runLink(r.base, f.base.key), 'class': 'flip-base' }, chip(f.base.outcome) + ' ' + esc(f.base.variant))) +
          h('td', null, h('a', { href: runLink(r.cand, f.cand.key), 'class': 'flip-cand' }, chip(f.cand.outcome) + ' ' + esc(f.cand.variant))));
      }).join('')) : '<p class="muted">no scenario flipped</p>');
    if (r.onlyBase.length || r.onlyCand.length) html += h('p', { 'class': 'muted' }, 'not compared: only in base ' + esc(r.onlyBase.join(', ') || '–') + '; only in candidate ' + esc(r.onlyCand.join(', ') || '–'));
    app.lastChild.outerHTML = h('div', { id: 'compare' }, html);
  });
}

function route() {
  var r = parseHash();
  if (r.view === '/run') renderRun(r.q); else if (r.view === '/compare') renderCompare(r.q);
  else rowsReady.then(function () { var now = parseHash(); if (now.view !== '/run' && now.view !== '/compare') renderRuns(now.q); });
}
function loadRows(i) { return get('/api/runs?dir=' + i).then(function (rs) { rowsByDir[i] = (rs || []).map(function (x) { x.dir = i; return x; }); }); }
// Live: poll the size and mtime of each results.jsonl; a change refetches that directory's rows (grid and counts).
function poll() {
  get('/api/stamps').then(function (s) {
    var changed = (s || []).map(function (v, i) { return v !== stamps[i] ? i : -1; }).filter(function (i) { return i >= 0; });
    stamps = s || stamps;
    return Promise.all(changed.map(loadRows)).then(function () { if (changed.length && parseHash().view === '/runs') renderRuns(parseHash().q); });
  }).catch(function () {}).then(function () { setTimeout(poll, 1500); });
}
// The run and compare pages need no grid rows: route as soon as the directories are known; the grid paints when
// its rows arrive.
var rowsReady = null;
get('/api/dirs').then(function (ds) {
  dirs = ds || [];
  stamps = dirs.map(function (d) { return d.stamp; });
  document.getElementById('dirs').textContent = dirs.map(function (d) { return d.name; }).join(', ');
  rowsReady = Promise.all(dirs.map(function (d) { return loadRows(d.index); }));
  window.addEventListener('hashchange', route);
  route();
  return parseHash().view === '/run' || parseHash().view === '/compare' ? null : rowsReady;
}).then(function () {
  document.body.setAttribute('data-ready', '1');
  if (!EMBEDDED) { document.getElementById('live').textContent = '● live'; setTimeout(poll, 1500); }
});
})();
`;
