// fleetbench view in a real headless browser (Debian's chromium driven by playwright-core, no browser download),
// over results directories made by a real `fleetbench run`: the grid, URL filters, a run's timeline and diff vs
// golden, compare flips, live updates, and the static bundle from file:// without a single network request.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startViewServer, type ViewServer } from '../../src/view/server.ts';
import { writeStaticBundle } from '../../src/view/static.ts';
import { ResultsWriter, RESULTS_FILE } from '../../src/runner/store.ts';
import { allResults, makeViewFixture, OUT_OF_SCOPE_AGENT, type ViewFixture } from './fixture.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const mustRun = process.env.CI === 'true';
const skip = !CHROMIUM && !mustRun;
const why = skip ? ' — SKIPPED: chromium is not installed (bash scripts/install-system-deps.sh; required when CI=true)' : '';

let fx: ViewFixture;
let server: ViewServer;
let browser: Browser;
let page: Page;

async function rowCount(p: Page): Promise<number> { return p.locator('.run-row').count(); }

describe.skipIf(skip)(`fleetbench view in headless chromium${why}`, () => {
  beforeAll(async () => {
    expect(CHROMIUM, 'CI=true requires chromium (bash scripts/install-system-deps.sh)').toBeDefined();
    fx = await makeViewFixture();
    server = await startViewServer([fx.full, fx.noop, fx.golden], { port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (fx) fs.rmSync(fx.root, { recursive: true, force: true });
  });

  it('is served on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('lists every run of the results directories', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="1"]');
    const expected = (await allResults(fx.full)).length + (await allResults(fx.noop)).length + (await allResults(fx.golden)).length;
    expect(expected).toBe(5);
    expect(await rowCount(page)).toBe(expected);
    await expect(page.locator('#count').textContent()).resolves.toBe(`${expected} of ${expected} runs`);
  });

  it('filters by outcome from the URL, opens the run: timeline, judge reason, TP, diff beside the golden, variant label', async () => {
    await page.goto(`${server.url}#/runs?outcome=out_of_scope`);
    await page.waitForSelector('body[data-ready="1"]');
    expect(await rowCount(page)).toBe(1);
    expect(await page.locator('.run-row').getAttribute('data-outcome')).toBe('out_of_scope');
    await page.locator('.run-row').click();
    await page.waitForSelector('#timeline .step');
    expect(page.url()).toContain(encodeURIComponent(OUT_OF_SCOPE_AGENT));
    const timeline = await page.locator('#timeline').textContent();
    for (const s of ['start:', 'tool apply_patch', 'judge heuristic: veto', 'grading: out_of_scope', 'result: out_of_scope']) expect(timeline).toContain(s);
    expect(await page.locator('#timeline .k-judge pre').textContent()).toContain('lib/keys.js matches a forbidden glob');
    expect(await page.locator('#judge-class').textContent()).toBe('TP');
    expect(await page.locator('.final-diff').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('diff --git a/lib/keys.js')]));
    expect(await page.locator('.golden-diff').allTextContents()).toEqual(expect.arrayContaining(['does not touch lib/keys.js']));
    expect((await page.locator('.golden-diff').allTextContents()).join('')).toContain('diff --git');
    expect(await page.locator('#variant').textContent()).toContain('category out-of-scope');
    expect(await page.locator('#file-delta').textContent()).toContain('Only in the final diff: lib/keys.js');
    await page.locator('#back').click();
    await page.waitForSelector('.run-row');
    expect(page.url()).toContain('#/runs?outcome=out_of_scope');
    expect(await rowCount(page)).toBe(1);
  });

  it('compares two directories and follows a flipped scenario to its run', async () => {
    await page.goto(`${server.url}#/compare?base=1&cand=2`);
    await page.waitForSelector('#compare');
    expect(await page.locator('#compare table.stats').first().textContent()).toContain('success');
    expect(await page.locator('tr.flip.improved').count()).toBe(1);
    await page.locator('tr.flip.improved a.flip-cand').click();
    await page.waitForSelector('#timeline .step');
    expect(await page.locator('h2').textContent()).toContain('replay:golden');
  });

  it('picks up new results.jsonl lines without a reload (live)', async () => {
    await page.goto(`${server.url}#/runs`);
    await page.waitForSelector('body[data-ready="1"]');
    const before = await rowCount(page);
    const [golden] = await allResults(fx.golden);
    const w = new ResultsWriter(path.join(fx.golden, RESULTS_FILE));
    w.append({ ...golden, epoch: 2 });
    w.close();
    await page.waitForFunction((n) => document.querySelectorAll('.run-row').length === n, before + 1, { timeout: 10_000 });
  });

  it('writes a static bundle that opens from file:// with no request leaving it', async () => {
    const out = path.join(fx.root, 'static');
    const r = await writeStaticBundle([fx.full, fx.noop], out);
    expect(r.runs).toBe(4);
    const p = await browser.newPage();
    const requests: string[] = [];
    p.on('request', (req) => requests.push(req.url()));
    await p.goto(pathToFileURL(r.file).href + '#/runs?outcome=out_of_scope');
    await p.waitForSelector('body[data-ready="1"]');
    expect(await rowCount(p)).toBe(1);
    await p.locator('.run-row').click();
    await p.waitForSelector('#timeline .step');
    expect((await p.locator('.golden-diff').allTextContents()).join('')).toContain('diff --git');
    await p.goto(pathToFileURL(r.file).href + '#/compare?base=0&cand=1');
    await p.waitForSelector('#compare');
    await p.close();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
