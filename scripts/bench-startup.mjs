// Startup benchmark for `raadsmap serve`: the time from spawning the server to the library page
// being rendered in a browser, for a first run (empty data folder: the default content is
// installed) and for a warm start (data folder already initialised).
//
//   npm run bench:startup [-- --runs N] [-- --json]
//
// One headless Chromium is launched up front (not counted). Each run: a fresh browser context and
// page are opened (not counted), then the clock starts just before `spawn`, stops when the URL line
// appears on the server's stdout (phase "spawn→URL") and again when
// `[data-testid="library-ready"]` is present after `page.goto(url)` (phase "URL→ready").
// Progress goes to stderr; the table (or, with --json, one JSON object) to stdout.
// Needs a build first: `node scripts/build.mjs` (dist/cli.cjs and dist/renderer).
// It is a benchmark, not a test: the exit code is 0 whatever the figures; non-zero only when
// something fails to run.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'raadsmap.cjs');
const CLI_BUNDLE = join(root, 'dist', 'cli.cjs');
const RENDERER_INDEX = join(root, 'dist', 'renderer', 'index.html');
const READY = '[data-testid="library-ready"]';
const TIMEOUT_MS = 30_000; // any single wait: URL line, navigation, selector, browser launch
const EXIT_TIMEOUT_MS = 5_000; // after SIGTERM; then SIGKILL and the same again
const TARGET_WARM_MS = 1000;
const DEFAULT_RUNS = 7;

// ---------------------------------------------------------------------------------------------
// Arguments

function usage() {
  return (
    'Usage: node scripts/bench-startup.mjs [--runs N] [--json]\n' +
    `  --runs N   runs per scenario (default ${DEFAULT_RUNS})\n` +
    '  --json     print one JSON object on stdout instead of the table\n'
  );
}

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { runs: DEFAULT_RUNS, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') opts.json = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(usage());
      process.exit(0);
    } else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[++i] : arg.slice('--runs='.length);
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 1000)
        throw new UsageError(`--runs expects a whole number 1–1000, got ${value}`);
      opts.runs = n;
    } else throw new UsageError(`Unknown argument: ${arg}\n${usage()}`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Browser: the same choice as test/e2e/browser.ts (Playwright's Chromium if installed, else the
// system's; CHROMIUM_PATH overrides both). Replicated: a .mjs cannot import the TS helper.

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function chromiumLaunchOptions() {
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
  const override = process.env.CHROMIUM_PATH;
  if (override) return { executablePath: override, args };
  let bundled = null;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = null;
  }
  if (bundled && existsSync(bundled)) return { args };
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  return system ? { executablePath: system, args } : { args };
}

// In-page probe: when the library becomes ready, note the page's own clock (ms since navigation
// start). Injected through CDP, so the app's CSP does not apply to it.
function readyProbe() {
  const mark = () => {
    if (window.__benchReadyAt === undefined && document.querySelector('[data-testid="library-ready"]')) {
      window.__benchReadyAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-testid'],
  });
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping for cleanup: everything started here is stopped here, on success, failure or Ctrl-C.

const children = new Set();
const tempDirs = new Set();
let browser = null;

const log = (line) => process.stderr.write(`${line}\n`);

function makeTempDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `raadsmap-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

function removeTempDirs() {
  for (const dir of tempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      log(`bench: could not remove ${dir}: ${e.message}`);
    }
    tempDirs.delete(dir);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Resolves with the exit code (or signal name) once `child` has exited. */
function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}

/** SIGTERM, wait; SIGKILL if it lingers. Returns how it ended (`signalled`: false if it had already exited). */
async function stopChild(child) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    try {
      const how = await withTimeout(exited(child), EXIT_TIMEOUT_MS, `serve (pid ${child.pid}) to exit after SIGTERM`);
      children.delete(child);
      return { how, signalled: true, killed: false };
    } catch {
      child.kill('SIGKILL');
      const how = await withTimeout(exited(child), EXIT_TIMEOUT_MS, `serve (pid ${child.pid}) to exit after SIGKILL`);
      children.delete(child);
      return { how, signalled: true, killed: true };
    }
  }
  children.delete(child);
  return { how: child.exitCode ?? child.signalCode, signalled: false, killed: false };
}

// ---------------------------------------------------------------------------------------------
// One spawn: resolves with the first stdout line (the URL) and the time it arrived.

function spawnAndWaitForLine(command, args, what) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  children.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 8000) stderr += chunk;
  });
  const line = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ line: out.slice(0, nl).trim(), at: performance.now() });
    });
    child.once('error', reject);
    // 'close', not 'exit': stdout may still hold the line when the process has already exited.
    child.once('close', (code, signal) =>
      reject(new Error(`${what} exited (${code ?? signal}) before printing a line. stderr:\n${stderr.trim()}`)),
    );
  });
  return { child, line: withTimeout(line, TIMEOUT_MS, `${what} to print its first line`), stderr: () => stderr };
}

/**
 * One measured start: spawn `serve --data dataDir`, open its URL in a fresh context, wait for the
 * library. Returns the timings in ms.
 */
async function measureStart(dataDir) {
  const context = await browser.newContext();
  let child = null;
  try {
    const page = await context.newPage();
    await page.addInitScript(readyProbe);

    const t0 = performance.now();
    const started = spawnAndWaitForLine(process.execPath, [BIN, 'serve', '--data', dataDir], 'serve');
    child = started.child;
    const { line: url, at: tUrl } = await started.line;
    if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(url)) {
      throw new Error(`serve printed an unexpected first line: ${JSON.stringify(url)}`);
    }
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await page.waitForSelector(READY, { state: 'attached', timeout: TIMEOUT_MS });
    const tReady = performance.now();

    // Not timed: where the in-page time went (navigation start = the page's time origin).
    const inPage = await page
      .evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const api = performance
          .getEntriesByType('resource')
          .filter((r) => r.name.includes('/api/'))
          .map((r) => ({
            method: decodeURIComponent(r.name.replace(/^.*\/api\//, '')),
            start: r.startTime,
            end: r.responseEnd,
          }));
        return {
          timeOrigin: performance.timeOrigin,
          htmlMs: nav ? nav.responseEnd : null,
          domContentLoadedMs: nav ? nav.domContentLoadedEventEnd || nav.domContentLoadedEventStart : null,
          readyMs: window.__benchReadyAt ?? null,
          api,
          rows: document.querySelectorAll('.library-table tbody tr').length,
        };
      })
      .catch(() => null);

    const result = {
      totalMs: tReady - t0,
      spawnToUrlMs: tUrl - t0,
      urlToReadyMs: tReady - tUrl,
      documents: inPage ? inPage.rows : null,
    };
    if (inPage && inPage.readyMs !== null) {
      // Node's and the page's clocks are both anchored to the wall clock: ms-level agreement.
      const navStartOnNodeClock = inPage.timeOrigin - performance.timeOrigin;
      result.urlToNavStartMs = navStartOnNodeClock - tUrl;
      result.navToHtmlMs = inPage.htmlMs;
      result.navToDomContentLoadedMs = inPage.domContentLoadedMs;
      result.navToReadyMs = inPage.readyMs;
      result.api = inPage.api;
    }
    return result;
  } finally {
    // Close the page first (drops its keep-alive connections), then stop the server.
    await withTimeout(context.close(), TIMEOUT_MS, 'browser context to close').catch((e) => log(`bench: ${e.message}`));
    if (child) {
      const stopped = await stopChild(child);
      if (stopped.killed) log(`bench: serve (pid ${child.pid}) ignored SIGTERM for ${EXIT_TIMEOUT_MS} ms; killed`);
      else if (stopped.signalled && stopped.how !== 0)
        log(`bench: serve (pid ${child.pid}) exited with ${stopped.how} after SIGTERM`);
    }
  }
}

/** Reference: a bare Node process, and Node loading the CLI bundle without serving. */
async function measureReference(args, what) {
  const t0 = performance.now();
  const started = spawnAndWaitForLine(process.execPath, args, what);
  const { at } = await started.line;
  await withTimeout(exited(started.child), TIMEOUT_MS, `${what} to exit`);
  children.delete(started.child);
  return at - t0;
}

// ---------------------------------------------------------------------------------------------
// Statistics

const round = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10) / 10);

function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  const p90 = v[Math.min(v.length - 1, Math.ceil(0.9 * v.length) - 1)]; // nearest rank
  return { median: round(median), min: round(v[0]), max: round(v[v.length - 1]), p90: round(p90), n: v.length };
}

function summarise(samples) {
  const field = (name) => stats(samples.map((s) => s[name]));
  const total = field('totalMs');
  const apiMedians = {};
  for (const s of samples) {
    for (const call of s.api ?? []) (apiMedians[call.method] ??= []).push(call.end - call.start);
  }
  return {
    medianMs: total?.median ?? null,
    minMs: total?.min ?? null,
    maxMs: total?.max ?? null,
    p90Ms: total?.p90 ?? null,
    spawnToUrl: field('spawnToUrlMs'),
    urlToReady: field('urlToReadyMs'),
    inPage: {
      urlToNavigationStart: field('urlToNavStartMs'),
      navigationToHtml: field('navToHtmlMs'),
      navigationToDomContentLoaded: field('navToDomContentLoadedMs'),
      navigationToReady: field('navToReadyMs'),
      apiCallMedianMs: Object.fromEntries(Object.entries(apiMedians).map(([m, xs]) => [m, stats(xs)?.median ?? null])),
    },
    documents: samples[0]?.documents ?? null,
    samplesMs: samples.map((s) => round(s.totalMs)),
  };
}

// ---------------------------------------------------------------------------------------------
// Output

function table(result) {
  const fmt = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(1)}`);
  const rows = [];
  const header = ['', 'median', 'min', 'p90', 'max'];
  const add = (label, s) => rows.push([label, fmt(s?.median), fmt(s?.min), fmt(s?.p90), fmt(s?.max)]);
  for (const [name, r] of [
    ['First run (empty data folder)', result.firstRun],
    ['Warm start (initialised data folder)', result.warm],
  ]) {
    rows.push([`${name}`, '', '', '', '']);
    add('  spawn → library rendered', { median: r.medianMs, min: r.minMs, p90: r.p90Ms, max: r.maxMs });
    add('    spawn → URL printed', r.spawnToUrl);
    add('    URL → library rendered', r.urlToReady);
    add('      URL → navigation start', r.inPage.urlToNavigationStart);
    add('      navigation → HTML received', r.inPage.navigationToHtml);
    add('      navigation → DOMContentLoaded', r.inPage.navigationToDomContentLoaded);
    add('      navigation → library-ready', r.inPage.navigationToReady);
  }
  rows.push(['Reference', '', '', '', '']);
  add('  node: spawn → first output', result.reference.nodeBare);
  add('  node: spawn → dist/cli.cjs loaded', result.reference.nodeLoadCli);

  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [];
  out.push(`Raadsmap startup benchmark — ${result.runs} runs per scenario, times in ms`);
  out.push(`node ${result.node}, Chromium ${result.chromium}, ${result.platform}`);
  out.push('');
  out.push(line(header));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) out.push(line(r));
  out.push('');
  for (const [name, r] of [
    ['first run', result.firstRun],
    ['warm', result.warm],
  ]) {
    const calls = Object.entries(r.inPage.apiCallMedianMs).map(([m, ms]) => `${m} ${fmt(ms)}`);
    if (calls.length) out.push(`API calls (${name}, median ms each): ${calls.join(', ')}`);
  }
  out.push(
    `Documents in the library: first run ${result.firstRun.documents ?? '—'}, warm ${result.warm.documents ?? '—'}`,
  );
  out.push(
    `Target: warm start ≤ ${result.target.warmMs} ms — ${result.target.met ? 'met' : 'NOT met'} (median ${fmt(result.warm.medianMs)} ms)`,
  );
  if (result.runs < 10) out.push('(p90 is nearest-rank: with fewer than 10 runs it equals the max.)');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const file of [CLI_BUNDLE, RENDERER_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`node scripts/build.mjs\` first.`);
  }

  const launch = chromiumLaunchOptions();
  log(`bench: launching Chromium${launch.executablePath ? ` (${launch.executablePath})` : ''}…`);
  browser = await chromium.launch({ headless: true, timeout: TIMEOUT_MS, ...launch });
  const chromiumVersion = browser.version();

  // Warm-up (not counted): initialises the warm data folder, and lets the OS cache Node, the
  // bundle, better-sqlite3 and the renderer so the first measured run is not an outlier.
  const warmDir = makeTempDir('warm');
  log('bench: preparing the warm data folder (not counted)…');
  const prime = await measureStart(warmDir);
  if (!existsSync(join(warmDir, 'content.db')) || !existsSync(join(warmDir, 'notes.db'))) {
    throw new Error(`serve did not create content.db and notes.db in ${warmDir}`);
  }
  log(`bench: warm-up ${prime.totalMs.toFixed(0)} ms (${prime.documents ?? '?'} documents)`);

  // Interleaved so drift (thermal, other load) affects both scenarios alike.
  const first = [];
  const warm = [];
  for (let i = 1; i <= opts.runs; i++) {
    const dir = makeTempDir('first');
    const a = await measureStart(dir);
    first.push(a);
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
    const b = await measureStart(warmDir);
    warm.push(b);
    log(
      `bench: run ${i}/${opts.runs}: first ${a.totalMs.toFixed(0)} ms (URL ${a.spawnToUrlMs.toFixed(0)} + ${a.urlToReadyMs.toFixed(0)}), ` +
        `warm ${b.totalMs.toFixed(0)} ms (URL ${b.spawnToUrlMs.toFixed(0)} + ${b.urlToReadyMs.toFixed(0)})`,
    );
  }

  log('bench: reference timings (bare node, node loading dist/cli.cjs)…');
  const bare = [];
  const loadCli = [];
  for (let i = 0; i < opts.runs; i++) {
    bare.push(await measureReference(['-e', "process.stdout.write('ok\\n')"], 'node -e'));
    loadCli.push(
      await measureReference(
        ['-e', `require(${JSON.stringify(CLI_BUNDLE)}); process.stdout.write('ok\\n')`],
        'node require cli',
      ),
    );
  }

  const firstRun = summarise(first);
  const warmRun = summarise(warm);
  const result = {
    runs: opts.runs,
    firstRun,
    warm: warmRun,
    reference: { nodeBare: stats(bare), nodeLoadCli: stats(loadCli) },
    target: { warmMs: TARGET_WARM_MS, met: warmRun.medianMs !== null && warmRun.medianMs <= TARGET_WARM_MS },
    node: process.version,
    chromium: chromiumVersion,
    platform: `${process.platform}-${process.arch}`,
  };
  if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(table(result));
}

async function cleanup() {
  for (const child of [...children]) {
    await stopChild(child).catch(() => child.kill('SIGKILL'));
  }
  if (browser) {
    await withTimeout(browser.close(), TIMEOUT_MS, 'Chromium to close').catch((e) => log(`bench: ${e.message}`));
    browser = null;
  }
  removeTempDirs();
}

// Ctrl-C / kill: stop the servers and remove the folders synchronously, then leave.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`bench: ${signal}, cleaning up`);
    for (const child of children) child.kill('SIGKILL');
    removeTempDirs();
    // Playwright closes the browser it launched when this process exits.
    process.exit(130);
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = error instanceof UsageError ? 2 : 1;
  log(error instanceof UsageError ? `bench: ${error.message}` : `bench: failed: ${error?.stack ?? error}`);
} finally {
  await cleanup();
}
process.exitCode = exitCode;
