// report.html opened in headless Chromium: the page renders (screenshot not blank, chart colours on it) and its
// charts are in the DOM; the file is self-contained (nothing fetched from anywhere).
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeReport } from '../../src/report/report.ts';
import { OUTCOME_COLORS } from '../../src/report/charts.ts';
import { handFixture, tmpDir, writeRunDir } from './fixtures.ts';
import { countColour, decodePng, greyVariance } from './png.ts';

const run = promisify(execFile);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const mustRun = process.env.CI === 'true';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--hide-scrollbars'];

let dir: string;
let html: string;

beforeAll(async () => {
  dir = writeRunDir(tmpDir('html'), handFixture());
  await writeReport(dir);
  html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
});

describe('report.html', () => {
  it('is one self-contained file: no script, stylesheet, font or image is fetched', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    // The only URL is the SVG namespace, which is an identifier, not a fetch.
    expect([...html.matchAll(/https?:\/\/[^\s"'<)]+/g)].map((m) => m[0]).filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([]);
  });

  it('has the four kinds of chart', () => {
    for (const id of ['chart-outcomes', 'chart-cost-success', 'chart-heatmap']) expect(html).toContain(`<svg id="${id}"`);
    expect(html.match(/class="chart chart-confusion"/g)).toHaveLength(2);
    expect(html.match(/class="seg seg-/g)?.length).toBe(6 + 1); // variant A: all five outcomes + error; noop: no_pr
    expect(html.match(/<rect class="cell"/g)).toHaveLength(6 * 2); // 6 scenarios × 2 variants
    expect(html.match(/<line class="whisker"/g)).toHaveLength(2);
  });

  const skip = !CHROMIUM && !mustRun;
  it.skipIf(skip)(`renders in headless Chromium with its charts${skip ? ' — SKIPPED: chromium is not installed (apt-get install -y chromium; required when CI=true)' : ''}`, async () => {
    expect(CHROMIUM, 'CI=true requires chromium (apt-get install -y chromium)').toBeDefined();
    const url = 'file://' + path.join(dir, 'report.html');
    const shot = path.join(dir, 'shot.png');
    const profile = (name: string) => `--user-data-dir=${path.join(dir, name)}`;
    await run(CHROMIUM!, [...FLAGS, profile('p1'), `--screenshot=${shot}`, '--window-size=1280,2000', url], { timeout: 120_000 });
    const img = decodePng(fs.readFileSync(shot));
    expect([img.width, img.height]).toEqual([1280, 2000]);
    expect(greyVariance(img)).toBeGreaterThan(100);
    // The outcome bars and the heatmap paint success green and no_pr grey over many pixels.
    const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
    expect(countColour(img, hex(OUTCOME_COLORS.success))).toBeGreaterThan(2000);
    expect(countColour(img, hex(OUTCOME_COLORS.no_pr))).toBeGreaterThan(2000);

    const { stdout: dom } = await run(CHROMIUM!, [...FLAGS, profile('p2'), '--dump-dom', url], { timeout: 120_000, maxBuffer: 64 << 20 });
    for (const id of ['chart-outcomes', 'chart-cost-success', 'chart-heatmap', 'chart-confusion-0', 'chart-confusion-1']) expect(dom).toContain(`id="${id}"`);
    expect(dom.match(/<svg /g)!.length).toBe(5);
    expect(dom.match(/<rect class="cell"/g)).toHaveLength(12);
  }, 300_000);
});
