// Scenarios in Chromium: the trend chart, app start in browser mode, journal scrolling and the
// renderer's memory. Each runs the real built app (out/) or the app's own chart component.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { askRunningServer, RUNNING_SERVER_FILE } from '../../main/browserLaunch';
import type { Flag, WeekSummary } from '../../shared/insights/types';
import type { ChartBenchGlobal } from '../browser/api';
import { APP_STYLESHEETS, bundleChartPage } from '../browser/bundle';
import { ratioResult, type ScenarioResult } from '../report';
import { measurePaired, quantile, spreadOf } from '../stats';
import type { Workspace } from '../workspace';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SERVE_JS = path.join(ROOT, 'out/main/serve.js');

/** The built browser mode; BACKSTRIDE_BENCH_SERVE points at another build (to compare two builds). */
function serveScript(): string {
  return process.env.BACKSTRIDE_BENCH_SERVE ?? SERVE_JS;
}

/** The same quiet flags the e2e suite uses: no calls to Google's services on a closed network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumExecutable(): string {
  const candidates = [process.env.BACKSTRIDE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((file): file is string => Boolean(file && fs.existsSync(file)));
  if (!found) throw new Error('No Chromium found (set BACKSTRIDE_CHROMIUM to its path).');
  return found;
}

export async function launchChromium(ws: Workspace, extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  ws.onDispose(() => browser.close());
  return browser;
}

// ---- the trend chart -------------------------------------------------------------------------

export async function chartScenario(
  ws: Workspace,
  browser: Browser,
  weeks: WeekSummary[],
  flags: Flag[],
  rounds: number,
): Promise<ScenarioResult> {
  const script = await bundleChartPage();
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  ws.onDispose(() => context.close());
  const page = await context.newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  for (const file of APP_STYLESHEETS) await page.addStyleTag({ path: file });
  await page.addScriptTag({ content: script });
  const samples = await measurePaired(
    rounds,
    () =>
      page.evaluate(([w, f]) => (globalThis as unknown as ChartBenchGlobal).chartBench.appTrendChart(w, f), [
        weeks,
        flags,
      ] as const),
    () => page.evaluate((w) => (globalThis as unknown as ChartBenchGlobal).chartBench.bareLineChart(w), weeks),
    2,
  );
  const points = await page.evaluate(() => (globalThis as unknown as ChartBenchGlobal).chartBench.lastAppPoints);
  // The same chart without its flag markers, to show what the markers cost.
  const withoutFlags = await measurePaired(
    rounds,
    () => page.evaluate((w) => (globalThis as unknown as ChartBenchGlobal).chartBench.appTrendChart(w, []), weeks),
    () => page.evaluate((w) => (globalThis as unknown as ChartBenchGlobal).chartBench.bareLineChart(w), weeks),
  );
  const bare = spreadOf(withoutFlags.baseline).median;
  const plain = spreadOf(withoutFlags.measured).median;
  await context.close();
  return ratioResult(`trend chart render, ${weeks.length} weeks`, samples, 1.2, {
    note: `the app's TrendChart component (React + chart.js, ${points} points after its aggregation of long ranges, bars + line on two axes, ${flags.length} flags as markers) vs a bare chart.js line of all ${weeks.length} weekly points; both without animation (the app turns it off), time to first draw. The same chart without its flag markers: ${plain.toFixed(1)} ms (${(plain / bare).toFixed(2)}x)`,
  });
}

// ---- browser mode ------------------------------------------------------------------------------

export interface Server {
  /** The one-time address it printed: it lets one browser context in, once. */
  url: string;
  /** A fresh one-time address for another context (asked of the running server, as a second start would). */
  freshUrl(): Promise<string>;
  /** Milliseconds from spawning the process to its printed address. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts `node out/main/serve.js` on a data folder and resolves once it prints its address. */
export function startServer(ws: Workspace, dataDir: string): Promise<Server> {
  const started = performance.now();
  const child: ChildProcess = ws.track(
    spawn(process.execPath, [serveScript(), '--data-dir', dataDir, '--no-open'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`browser mode did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const url = match[1]!;
        const freshUrl = async (): Promise<string> => {
          const running = await askRunningServer(dataDir);
          if (running) return running.url;
          // A build from before one-time addresses (BACKSTRIDE_BENCH_SERVE) has no hand-over: its address is reusable.
          if (!fs.existsSync(path.join(dataDir, RUNNING_SERVER_FILE))) return url;
          throw new Error('The running browser mode gave no fresh one-time address.');
        };
        resolve({ url, freshUrl, readyMs: performance.now() - started, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}

/** The journal is interactive once its first entry, or its empty state, is on screen. */
async function waitForJournal(page: Page): Promise<void> {
  await page.locator('.journal .entry, .journal .empty-state').first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** Process start to journal interactive: spawn, page load, first entry (or empty state) visible. */
async function timedStart(ws: Workspace, browser: Browser, dataDir: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const start = performance.now();
  const server = await startServer(ws, dataDir);
  try {
    await page.goto(server.url);
    await waitForJournal(page);
    return performance.now() - start;
  } finally {
    await context.close();
    await server.stop();
  }
}

export async function startScenario(
  ws: Workspace,
  browser: Browser,
  bigLog: string,
  emptyLog: string,
  bigLabel: string,
  rounds: number,
  warmup = 1,
): Promise<ScenarioResult> {
  // Copies, because the app writes into its folder (lock file, the day's automatic backup).
  const big = ws.copy(bigLog, 'start-big');
  const empty = ws.copy(emptyLog, 'start-empty');
  const samples = await measurePaired(
    rounds,
    () => timedStart(ws, browser, big),
    () => timedStart(ws, browser, empty),
    warmup,
  );
  return ratioResult(`app start to journal interactive (browser mode), ${bigLabel}`, samples, 1.5, {
    note: 'node out/main/serve.js to first journal entry (or the empty state) visible in Chromium; the warm-up start writes the day’s automatic backup',
  });
}

// ---- journal scrolling -------------------------------------------------------------------------

/**
 * Records requestAnimationFrame intervals on the page, but only around frames where something
 * happened (a scroll, a click, a DOM change): the frame in which it happened and the next one,
 * which draws it. Frames with nothing to do would otherwise swamp the percentiles.
 */
const FRAME_RECORDER = `
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  let pending = 0;
  const mark = () => { pending = 2; };
  addEventListener('scroll', mark, { capture: true, passive: true });
  document.addEventListener('click', mark, true);
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true, characterData: true });
  const tick = (now) => {
    if (pending > 0) {
      window.__frames.push(now - last);
      pending--;
    }
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
`;

export async function scrollScenario(
  ws: Workspace,
  browser: Browser,
  bigLog: string,
  bigLabel: string,
  olderPages: number,
  steps: number,
): Promise<ScenarioResult> {
  const dir = ws.copy(bigLog, 'scroll');
  const server = await startServer(ws, dir);
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForJournal(page);
    await page.mouse.move(600, 500);
    await page.evaluate(FRAME_RECORDER);
    // Found by its class, not by role: a role query runs in the page and computes the accessible
    // name of every one of the thousands of buttons on it, which showed in the frames measured.
    const older = page.locator('button.load-more', { hasText: 'Show older entries' });
    let clicks = 0;
    const clickMs: number[] = [];
    for (let pageIndex = 0; pageIndex <= olderPages; pageIndex++) {
      for (let step = 0; step < steps; step++) {
        await page.mouse.wheel(0, 240);
        await page.waitForTimeout(16);
      }
      if (pageIndex < olderPages && (await older.count()) > 0) {
        const before = await page.locator('.journal .entry').count();
        const clicked = performance.now();
        await older.click();
        await page.locator('.journal .entry').nth(before).waitFor({ state: 'attached' });
        clickMs.push(performance.now() - clicked);
        clicks++;
      }
    }
    const frames = (await page.evaluate('window.__recording = false; window.__frames')) as number[];
    const shown = await page.locator('.journal .entry').count();
    const p95 = quantile(frames, 0.95);
    const spread = spreadOf(frames);
    return {
      scenario: `journal scroll, ${bigLabel}`,
      measured: p95,
      baseline: null,
      ratio: null,
      target: 'p95 <= 16 ms',
      pass: p95 <= 16,
      unit: 'ms',
      measuredSpread: spread,
      note: `p95 of ${frames.length} frame intervals around scrolls, clicks and DOM changes (median ${spread.median.toFixed(1)} ms, max ${spread.max.toFixed(0)} ms) while wheel-scrolling and clicking "Show older entries" ${clicks} times (${shown} entries on the page; each click took ${clickMs.map((ms) => ms.toFixed(0)).join(', ')} ms to show the next ${200} entries); Chromium runs without its 60 Hz frame cap here (headless frame pacing would otherwise round every frame up to 16.7 ms), so an interval is the time a frame really took`,
    };
  } finally {
    await context.close();
    await server.stop();
  }
}

// ---- renderer memory ---------------------------------------------------------------------------

/** JS heap in use after a forced garbage collection, once the journal is on screen. */
async function heapAfterStart(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitForJournal(page);
    // The journal's flags and counts arrive just after the first entries: let the page settle.
    await page.waitForLoadState('networkidle');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('Chromium reported no JSHeapUsedSize.');
    return used;
  } finally {
    await context.close();
  }
}

export async function memoryScenario(
  ws: Workspace,
  browser: Browser,
  bigLog: string,
  emptyLog: string,
  bigLabel: string,
  dataJsonBytes: number,
  rounds: number,
): Promise<ScenarioResult> {
  const bigServer = await startServer(ws, ws.copy(bigLog, 'memory-big'));
  const emptyServer = await startServer(ws, ws.copy(emptyLog, 'memory-empty'));
  try {
    const growth: number[] = [];
    const sizes: number[] = [];
    const mb = 1024 ** 2;
    for (let round = 0; round < rounds; round++) {
      // Each visit is a fresh browser context, so each needs its own one-time address.
      const bigHeap = await heapAfterStart(browser, await bigServer.freshUrl());
      const emptyHeap = await heapAfterStart(browser, await emptyServer.freshUrl());
      growth.push((bigHeap - emptyHeap) / mb);
      sizes.push(dataJsonBytes / mb);
    }
    return ratioResult(`renderer memory, ${bigLabel}`, { measured: growth, baseline: sizes }, 3, {
      unit: 'MB',
      note: `measured: JS heap growth over an empty log after forced GC, journal on screen; baseline: the log's data as JSON (${(dataJsonBytes / mb).toFixed(1)} MB)`,
    });
  } finally {
    await bigServer.stop();
    await emptyServer.stop();
  }
}
