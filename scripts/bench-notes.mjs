// Notes benchmark: the reader with 500 annotations on one letter, and the notes overview with
// 10,000 annotations, in a real Chromium against `raadsmap serve`.
//
//   node scripts/build.mjs            # first: the CLI bundle and the renderer
//   npm run bench:notes [-- --runs N] [-- --json]
//
// Seeding goes through Raadsmap's own tools: the letter's canonical text comes from
// `raadsmap pack build` + `pack inspect --json` on the bundled default content; W3C Web Annotation
// JSON-LD is generated from real sentences of resources/default-content/gemeenten-2024.txt (ids
// urn:uuid:…, target.source urn:raadsmap:document:lbr-19-030, TextQuoteSelector with prefix and
// suffix, TextPositionSelector; bodies commenting / tagging / classifying) and imported with
// `raadsmap notes import FILE --data DIR --json` into two fresh data folders (500 and 10,000).
//
// (a) Reader: time until `[data-annotations-ready="true"]` (set by the reader when the letter and
//     its annotations are drawn), median of --runs, each in a fresh browser context. Target
//     (median ≤ 200 ms): opening the letter in the running app (library → letter). Also reported:
//     a cold page load (navigation start → ready, app start included), split into document +
//     scripts (→ DOMContentLoaded), server and network (first → last API response, Resource
//     Timing) and render (last API response → ready).
// (b) Overview (#/notities): long tasks (PerformanceObserver 'longtask', buffered) while spinning
//     the mouse wheel (250 real wheel events of 120 px, 30 ms apart), while scrolling the whole list
//     top to bottom as a stress test (window.scrollBy ~0.9 screen per frame, ≈ 48,000 px/s) and
//     while typing a filter word character by character (120 ms between keys, like a person).
//     Reports the longest task and the number of tasks over 50 ms for each (target: none), the
//     slowest keystroke (Event Timing), and the DOM size (proof of virtualisation).
//
// Progress goes to stderr; the table (or, with --json, one JSON object) to stdout. It is a
// benchmark, not a test: the exit code is 0 whatever the figures; non-zero only when something
// fails to run.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'raadsmap.cjs');
const CLI_BUNDLE = join(root, 'dist', 'cli.cjs');
const RENDERER_INDEX = join(root, 'dist', 'renderer', 'index.html');
const LETTER_FILE = join(root, 'resources', 'default-content', 'gemeenten-2024.txt');
const DEFAULT_CONTENT = join(root, 'resources', 'default-content');
const LETTER = 'lbr-19-030';
const TIMEOUT_MS = 60_000;
const EXIT_TIMEOUT_MS = 5_000;
const DEFAULT_RUNS = 7;
const READER_NOTES = 500;
const OVERVIEW_NOTES = 10_000;
const TARGET_READER_MS = 200;
const LONG_TASK_MS = 50;
const TYPED_WORD = 'belastinggebied';
const KEY_DELAY_MS = 120;
const WHEEL_EVENTS = 250;
const WHEEL_DELTA = 120;
const WHEEL_INTERVAL_MS = 30;
const CONTEXT = 32;

// ---------------------------------------------------------------------------------------------
// Arguments

function usage() {
  return (
    'Usage: node scripts/bench-notes.mjs [--runs N] [--json]\n' +
    '  Run `node scripts/build.mjs` first (dist/cli.cjs and dist/renderer).\n' +
    `  --runs N   reader page loads to measure (default ${DEFAULT_RUNS}, at least 5 recommended)\n` +
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
      if (!Number.isInteger(n) || n < 1 || n > 200)
        throw new UsageError(`--runs expects a whole number 1–200, got ${value}`);
      opts.runs = n;
    } else throw new UsageError(`Unknown argument: ${arg}\n${usage()}`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Browser: the same choice as test/e2e/browser.ts and scripts/bench-startup.mjs (Playwright's
// Chromium if installed, else the system's; CHROMIUM_PATH overrides both).

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

// ---------------------------------------------------------------------------------------------
// Bookkeeping for cleanup: everything started here is stopped here, on success, failure or Ctrl-C.

const children = new Set();
const tempDirs = new Set();
let browser = null;

const log = (line) => process.stderr.write(`${line}\n`);

function makeTempDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `raadsmap-bench-notes-${label}-`));
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

function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}

async function stopChild(child) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    try {
      await withTimeout(exited(child), EXIT_TIMEOUT_MS, `serve (pid ${child.pid}) to exit after SIGTERM`);
    } catch {
      child.kill('SIGKILL');
      await withTimeout(exited(child), EXIT_TIMEOUT_MS, `serve (pid ${child.pid}) to exit after SIGKILL`);
    }
  }
  children.delete(child);
}

/** `raadsmap serve --data dir`: resolves with the printed URL once it is listening. */
async function startServe(dataDir) {
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  children.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 8000) stderr += chunk;
  });
  const url = await withTimeout(
    new Promise((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.startsWith('http://'));
        if (line) resolve(line.trim());
      });
      child.once('error', reject);
      child.once('close', (code, signal) =>
        reject(new Error(`serve exited (${code ?? signal}) before printing its URL. stderr:\n${stderr.trim()}`)),
      );
    }),
    TIMEOUT_MS,
    'serve to print its URL',
  );
  return { child, url, origin: new URL(url).origin };
}

/** Runs the CLI and returns its stdout (JSON commands print JSON alone on stdout). */
function cli(args) {
  return execFileSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

// ---------------------------------------------------------------------------------------------
// Seeding: W3C Web Annotations with real quotes from the letter.

/** The letter's canonical text as electron/shared/text.ts builds it (title, section titles, paragraphs). */
function canonicalText(doc) {
  const parts = [doc.title];
  const paragraphs = [];
  let at = doc.title.length;
  const add = (text, paragraphId) => {
    parts.push('\n\n', text);
    at += 2;
    if (paragraphId) paragraphs.push({ id: paragraphId, start: at, end: at + text.length });
    at += text.length;
  };
  const walk = (sections) => {
    for (const s of sections) {
      if (s.title) add(s.title, null);
      for (const p of s.paragraphs) add(p.text, p.id);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  return { text: parts.join(''), paragraphs };
}

function letterText(workDir) {
  const pack = join(workDir, 'standaard.raadsmap');
  cli(['pack', 'build', DEFAULT_CONTENT, '--out', pack]);
  const inspected = JSON.parse(cli(['pack', 'inspect', pack, '--json']));
  const doc = inspected.documents.find((d) => d.id === LETTER);
  if (!doc) throw new Error(`The bundled content has no letter ${LETTER}`);
  return canonicalText(doc);
}

/**
 * Sentences (and their halves, for variety) of the bundled letter that stand verbatim in the
 * canonical text, with their offsets, sorted by place: spread over every paragraph.
 */
function quotesFrom(canonical) {
  const raw = readFileSync(LETTER_FILE, 'utf8');
  const seen = new Set();
  const out = [];
  const addQuote = (exact) => {
    const clean = exact.trim();
    if (clean.length < 25 || clean.length > 260 || seen.has(clean)) return;
    const start = canonical.text.indexOf(clean);
    if (start === -1) return;
    seen.add(clean);
    out.push({ exact: clean, start, end: start + clean.length });
  };
  for (const line of raw.split('\n')) {
    for (const sentence of line.split(/(?<=[.!?;:])\s+/)) {
      addQuote(sentence);
      const words = sentence.trim().split(/\s+/);
      if (words.length >= 12) {
        addQuote(words.slice(0, Math.ceil(words.length / 2)).join(' '));
        addQuote(words.slice(Math.ceil(words.length / 2)).join(' '));
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const TAGS = [
  'financiën',
  'belastinggebied',
  'strategie',
  'democratie',
  'sociaal domein',
  'energietransitie',
  'informatiesamenleving',
  'vraag griffie',
  'ALV juni',
  'regio',
  'uitvoering',
  'solidariteit',
];
const COLORS = ['geel', 'blauw', 'rood', 'groen', 'paars'];
const NOTES = [
  'Navragen bij de griffie wat dit voor onze begroting betekent.',
  'Sterk punt: meenemen in de inbreng van de fractie.',
  'Hier ben ik het niet mee eens; te vrijblijvend.',
  'Koppelen aan de Kadernota en het coalitieakkoord.',
  'Wat betekent dit concreet voor kleine gemeenten zoals de onze?',
  'Goed voorbeeld voor de regionale samenwerking.',
  'Uitzoeken hoe andere gemeenten dit aanpakken.',
  'Vraag voor de ALV: wie betaalt dit?',
];

/** A deterministic pseudo-random sequence (the same seed data on every run). */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(rand) {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function webAnnotations(count, quotes, text, seed) {
  const rand = prng(seed);
  const base = Date.UTC(2024, 0, 1);
  const items = [];
  for (let i = 0; i < count; i++) {
    // Spread evenly over the letter: every quote in turn, in reading order.
    const q = quotes[Math.floor((i * quotes.length) / count) % quotes.length];
    const body = [];
    if (rand() < 0.65) {
      const note = `${NOTES[Math.floor(rand() * NOTES.length)]} (${i + 1})`;
      body.push({ type: 'TextualBody', value: note, format: 'text/plain', language: 'nl', purpose: 'commenting' });
    }
    const tagCount = rand() < 0.3 ? 0 : rand() < 0.7 ? 1 : 2;
    const tags = new Set();
    while (tags.size < tagCount) tags.add(TAGS[Math.floor(rand() * TAGS.length)]);
    for (const tag of tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
    body.push({ type: 'TextualBody', value: COLORS[Math.floor(rand() * COLORS.length)], purpose: 'classifying' });
    const stamp = new Date(base + Math.floor(rand() * 180 * 86_400_000)).toISOString();
    items.push({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${uuid(rand)}`,
      type: 'Annotation',
      motivation: body.some((b) => b.purpose === 'commenting') ? 'commenting' : 'highlighting',
      created: stamp,
      modified: stamp,
      ...(rand() < 0.2 ? { creator: { type: 'Person', name: 'Pieter' } } : {}),
      body,
      target: {
        source: `urn:raadsmap:document:${LETTER}`,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: q.exact,
            prefix: text.slice(Math.max(0, q.start - CONTEXT), q.start),
            suffix: text.slice(q.end, q.end + CONTEXT),
          },
          { type: 'TextPositionSelector', start: q.start, end: q.end },
        ],
      },
    });
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Raadsmap bench-notes',
    total: items.length,
    items,
  };
}

function seed(dataDir, workDir, count, quotes, text, seedNumber) {
  const file = join(workDir, `annotaties-${count}.jsonld`);
  writeFileSync(file, JSON.stringify(webAnnotations(count, quotes, text, seedNumber)));
  const t0 = performance.now();
  const report = JSON.parse(cli(['notes', 'import', file, '--data', dataDir, '--json']));
  const ms = performance.now() - t0;
  if (report.added !== count)
    throw new Error(`notes import added ${report.added} of ${count}: ${JSON.stringify(report)}`);
  return { ms, anchors: report.anchors, paragraphs: new Set(quotes.map((q) => q.start)).size };
}

// ---------------------------------------------------------------------------------------------
// In-page probes (injected through CDP, so the app's CSP does not apply to them).

function readerProbe() {
  window.__bench = { readyAt: null, paintedAt: null, longTasks: [] };
  const check = () => {
    if (window.__bench.readyAt !== null) return;
    if (document.querySelector('[data-annotations-ready="true"]')) {
      window.__bench.readyAt = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__bench.paintedAt = performance.now()), 0));
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-annotations-ready'],
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: reported as null
  }
}

function overviewProbe() {
  window.__bench = { longTasks: [], events: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    window.__bench.longTasks = null;
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__bench.events.push({ name: e.name, start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {
    window.__bench.events = null;
  }
}

// ---------------------------------------------------------------------------------------------
// (a) The reader with 500 annotations

async function measureReader(server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // The token is exchanged for a cookie once (not timed); then a fresh load of the letter.
    await page.goto(server.url, { timeout: TIMEOUT_MS });
    await page.waitForSelector('[data-testid="library-ready"]', { timeout: TIMEOUT_MS });
    await page.goto('about:blank');
    await page.addInitScript(readerProbe);
    await page.goto(`${server.origin}/#/brief/${LETTER}`, { timeout: TIMEOUT_MS });
    await page.waitForSelector('[data-annotations-ready="true"]', { state: 'attached', timeout: TIMEOUT_MS });
    await page.waitForFunction(() => window.__bench.paintedAt !== null, null, { timeout: TIMEOUT_MS });
    const cold = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const ready = window.__bench.readyAt;
      const api = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.includes('/api/') && r.startTime < ready)
        .map((r) => ({
          method: decodeURIComponent(r.name.replace(/^.*\/api\//, '')),
          start: r.startTime,
          end: r.responseEnd,
        }));
      const firstApi = api.length ? Math.min(...api.map((a) => a.start)) : null;
      const lastApi = api.length ? Math.max(...api.map((a) => a.end)) : null;
      return {
        readyMs: ready,
        paintedMs: window.__bench.paintedAt,
        domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
        apiSpanMs: firstApi === null ? null : lastApi - firstApi,
        renderMs: lastApi === null ? null : ready - lastApi,
        api,
        longTasks: window.__bench.longTasks.filter((t) => t.start < ready).map((t) => t.duration),
      };
    });
    // In the running app (how a raadslid opens a letter): library → letter, until the annotations
    // are drawn. The app and its code are loaded already; the letter and its notes are fetched.
    const inAppMs = await page.evaluate(async (letter) => {
      const waitFor = (test) =>
        new Promise((resolve) => {
          if (test()) return resolve();
          const observer = new MutationObserver(() => {
            if (test()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        });
      location.hash = '#/';
      await waitFor(
        () =>
          document.querySelector('[data-testid="library-ready"]') !== null &&
          document.querySelector('[data-annotations-ready]') === null,
      );
      const start = performance.now();
      location.hash = `#/brief/${letter}`;
      await waitFor(() => document.querySelector('[data-annotations-ready="true"]') !== null);
      return performance.now() - start;
    }, LETTER);
    return { ...cold, inAppMs };
  } finally {
    await withTimeout(context.close(), TIMEOUT_MS, 'browser context to close').catch((e) => log(`bench: ${e.message}`));
  }
}

// ---------------------------------------------------------------------------------------------
// (b) The overview with 10,000 annotations

function taskStats(tasks) {
  if (tasks === null) return { longest: null, over50: null, count: null };
  return {
    longest: tasks.length ? Math.max(...tasks) : 0,
    over50: tasks.filter((d) => d > LONG_TASK_MS).length,
    count: tasks.length,
  };
}

async function measureOverview(server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url, { timeout: TIMEOUT_MS });
    await page.waitForSelector('[data-testid="library-ready"]', { timeout: TIMEOUT_MS });
    await page.goto('about:blank');
    await page.addInitScript(overviewProbe);
    await page.goto(`${server.origin}/#/notities`, { timeout: TIMEOUT_MS });
    await page.waitForSelector('.notes-list .notes-row', { timeout: TIMEOUT_MS });
    const load = await page.evaluate(() => ({
      listMs: performance.now(),
      rows: Number(document.querySelector('.notes-list')?.getAttribute('data-rows') ?? 0),
      summary: document.querySelector('.notes-summary')?.textContent ?? '',
      longTasks: window.__bench.longTasks ? window.__bench.longTasks.map((t) => t.duration) : null,
    }));
    await page.waitForTimeout(500);

    const dom = await page.evaluate(() => ({
      nodes: document.getElementsByTagName('*').length,
      renderedRows: document.querySelectorAll('.notes-row').length,
      listNodes: document.querySelector('.notes-list')?.getElementsByTagName('*').length ?? 0,
    }));

    // A person spinning the mouse wheel fast: real wheel events, 120 px each, every ~30 ms.
    const box = await page.locator('.notes-list').boundingBox();
    await page.mouse.move(640, Math.min(800, Math.max(100, (box?.y ?? 400) + 50)));
    const wheelStart = await page.evaluate(() => performance.now());
    const wheelY0 = await page.evaluate(() => window.scrollY);
    for (let i = 0; i < WHEEL_EVENTS; i++) {
      await page.mouse.wheel(0, WHEEL_DELTA);
      await page.waitForTimeout(WHEEL_INTERVAL_MS);
    }
    await page.waitForTimeout(300);
    const wheel = await page.evaluate(
      ({ start, y0 }) => ({
        tasks: window.__bench.longTasks
          ? window.__bench.longTasks.filter((t) => t.start >= start).map((t) => t.duration)
          : null,
        distance: window.scrollY - y0,
        seconds: (performance.now() - start) / 1000,
      }),
      { start: wheelStart, y0: wheelY0 },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);

    // Scrolling top to bottom as a stress test: one step of ~0.9 screen per frame.
    const scroll = await page.evaluate(async () => {
      const start = performance.now();
      const frames = [];
      let last = start;
      await new Promise((resolve) => {
        const step = () => {
          const now = performance.now();
          frames.push(now - last);
          last = now;
          const bottom = document.documentElement.scrollHeight - window.innerHeight;
          if (window.scrollY >= bottom - 1) return resolve();
          window.scrollBy(0, Math.round(window.innerHeight * 0.9));
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      // Let the last frames settle.
      await new Promise((r) => setTimeout(r, 300));
      const sorted = [...frames].sort((a, b) => a - b);
      return {
        start,
        end: performance.now(),
        steps: frames.length,
        scrollHeight: document.documentElement.scrollHeight,
        maxFrameMs: sorted[sorted.length - 1] ?? 0,
        p95FrameMs: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0,
        renderedRowsAtEnd: document.querySelectorAll('.notes-row').length,
        lastVisible: document.querySelector('.notes-row:last-child .note-entry__note')?.textContent ?? null,
      };
    });
    const scrollTasks = await page.evaluate(
      ({ start, end }) =>
        window.__bench.longTasks
          ? window.__bench.longTasks.filter((t) => t.start >= start && t.start <= end).map((t) => t.duration)
          : null,
      scroll,
    );

    // Typing a filter word, character by character, like a person.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const field = page.getByRole('searchbox').first();
    await field.click();
    const typeStart = await page.evaluate(() => performance.now());
    await field.pressSequentially(TYPED_WORD, { delay: KEY_DELAY_MS });
    await page.waitForTimeout(1000);
    const typeEnd = await page.evaluate(() => performance.now());
    const typing = await page.evaluate(
      ({ start, end }) => ({
        tasks: window.__bench.longTasks
          ? window.__bench.longTasks.filter((t) => t.start >= start && t.start <= end).map((t) => t.duration)
          : null,
        events: window.__bench.events
          ? window.__bench.events.filter((e) => e.start >= start && e.start <= end).map((e) => e.duration)
          : null,
        summary: document.querySelector('.notes-summary')?.textContent ?? '',
      }),
      { start: typeStart, end: typeEnd },
    );
    return {
      wheel: { ...taskStats(wheel.tasks), distance: wheel.distance, seconds: wheel.seconds },
      load: { listMs: load.listMs, rows: load.rows, summary: load.summary, ...taskStats(load.longTasks) },
      dom,
      scroll: { ...taskStats(scrollTasks), ...scroll },
      typing: {
        ...taskStats(typing.tasks),
        word: TYPED_WORD,
        keyDelayMs: KEY_DELAY_MS,
        slowestKeyMs: typing.events === null ? null : typing.events.length ? Math.max(...typing.events) : 0,
        summary: typing.summary,
      },
    };
  } finally {
    await withTimeout(context.close(), TIMEOUT_MS, 'browser context to close').catch((e) => log(`bench: ${e.message}`));
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and output

const round = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10) / 10);

function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median: round(median), min: round(v[0]), max: round(v[v.length - 1]), n: v.length };
}

/** A long task figure: the Long Tasks API only reports tasks over 50 ms. */
function longest(stats) {
  if (stats.longest === null || stats.longest === undefined) return 'not measured';
  return stats.over50 === 0 && stats.count === 0 ? 'none > 50 ms' : `${stats.longest.toFixed(1)} ms`;
}

function table(r) {
  const fmt = (x, unit = ' ms') =>
    x === null || x === undefined ? '—' : `${typeof x === 'number' ? x.toFixed(1) : x}${unit}`;
  const mark = (ok) => (ok === null ? '—' : ok ? 'PASS' : 'MISS');
  const rows = [];
  const add = (label, value, target = '', verdict = '') => rows.push([label, value, target, verdict]);
  add(`(a) Reader, ${r.reader.annotations} annotations on ${LETTER} (${r.runs} loads)`, '', '', '');
  add(
    '  open the letter in the running app → annotations ready, median',
    fmt(r.reader.inApp?.median),
    `≤ ${TARGET_READER_MS} ms`,
    mark(r.reader.pass),
  );
  add('    min / max', `${fmt(r.reader.inApp?.min)} / ${fmt(r.reader.inApp?.max)}`);
  add('  cold page load (app start + letter) → annotations ready, median', fmt(r.reader.ready?.median));
  add('    min / max', `${fmt(r.reader.ready?.min)} / ${fmt(r.reader.ready?.max)}`);
  add('    navigation → DOMContentLoaded (HTML + scripts)', fmt(r.reader.domContentLoaded?.median));
  add('    server + network (first API request → last response)', fmt(r.reader.apiSpan?.median));
  add('    render (last API response → annotations ready)', fmt(r.reader.render?.median));
  add('    navigation → next frame painted', fmt(r.reader.painted?.median));
  add('    longest task before ready, median', fmt(r.reader.longestTask?.median));
  add(`(b) Overview, ${r.overview.annotations.toLocaleString('en')} annotations`, '', '', '');
  add('  navigation → list shown (information)', fmt(r.overview.load.listMs));
  add(
    '    long tasks during load (> 50 ms)',
    `${r.overview.load.over50 ?? '—'}, longest ${fmt(r.overview.load.longest)}`,
  );
  add(
    '  DOM elements on the page / rows rendered',
    `${r.overview.dom.nodes} / ${r.overview.dom.renderedRows} of ${r.overview.load.rows.toLocaleString('en')}`,
  );
  add(
    `  mouse wheel, ${r.overview.wheel.events} × ${r.overview.wheel.deltaPx} px every ${r.overview.wheel.intervalMs} ms: longest task`,
    longest(r.overview.wheel),
    '≤ 50 ms',
    mark(r.overview.wheel.pass),
  );
  add('    tasks > 50 ms', String(r.overview.wheel.over50 ?? '—'), '0', mark(r.overview.wheel.pass));
  add('    scrolled', `${r.overview.wheel.distance.toLocaleString('en')} px in ${r.overview.wheel.seconds} s`);
  add(
    '  stress: top → bottom, ~0.9 screen per frame: longest task',
    longest(r.overview.scroll),
    '≤ 50 ms',
    mark(r.overview.scroll.pass),
  );
  add('    tasks > 50 ms', String(r.overview.scroll.over50 ?? '—'), '0', mark(r.overview.scroll.pass));
  add(
    '    steps / slowest frame / p95 frame',
    `${r.overview.scroll.steps} / ${fmt(r.overview.scroll.maxFrameMs)} / ${fmt(r.overview.scroll.p95FrameMs)}`,
  );
  add(
    `  typing "${r.overview.typing.word}" (${r.overview.typing.keyDelayMs} ms/key): longest task`,
    longest(r.overview.typing),
    '≤ 50 ms',
    mark(r.overview.typing.pass),
  );
  add('    tasks > 50 ms', String(r.overview.typing.over50 ?? '—'), '0', mark(r.overview.typing.pass));
  add(
    '    slowest keystroke, input to next paint (Event Timing)',
    r.overview.typing.slowestKeyMs === 0 ? 'all < 16 ms' : fmt(r.overview.typing.slowestKeyMs),
  );
  add('    result shown', r.overview.typing.summary || '—');

  const header = ['', 'measured', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [];
  out.push(
    `Raadsmap notes benchmark — node ${r.node}, Chromium ${r.chromium}, ${r.platform}, ${r.cpus} CPUs, ` +
      `load average ${r.loadAverage.before} → ${r.loadAverage.after}`,
  );
  out.push(
    `Seeded with \`raadsmap notes import\`: ${r.seed.reader.count} annotations in ${fmt(r.seed.reader.ms)}, ` +
      `${r.seed.overview.count.toLocaleString('en')} in ${fmt(r.seed.overview.ms)}; ${r.seed.quotes} distinct quotes from the letter; ` +
      `anchors ${JSON.stringify(r.seed.overview.anchors)}`,
  );
  out.push('');
  out.push(line(header));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  for (const x of rows) out.push(line(x));
  out.push('');
  out.push(`Reader samples (ms): ${r.reader.samples.join(', ')}`);
  const calls = Object.entries(r.reader.apiMedians).map(([m, ms]) => `${m} ${fmt(ms)}`);
  if (calls.length) out.push(`Reader API calls (median each): ${calls.join(', ')}`);
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const loadBefore = loadavg()[0];
  for (const file of [CLI_BUNDLE, RENDERER_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`node scripts/build.mjs\` first.`);
  }
  const work = makeTempDir('work');
  log('bench: reading the letter through `raadsmap pack build` + `pack inspect --json`…');
  const canonical = letterText(work);
  const quotes = quotesFrom(canonical);
  if (quotes.length < 50) throw new Error(`Only ${quotes.length} quotes found in the letter`);

  const readerDir = makeTempDir('reader');
  const overviewDir = makeTempDir('overview');
  log(`bench: importing ${READER_NOTES} annotations (reader)…`);
  const seedReader = seed(readerDir, work, READER_NOTES, quotes, canonical.text, 1);
  log(`bench: importing ${OVERVIEW_NOTES} annotations (overview)…`);
  const seedOverview = seed(overviewDir, work, OVERVIEW_NOTES, quotes, canonical.text, 2);
  log(`bench: seeded in ${seedReader.ms.toFixed(0)} ms and ${seedOverview.ms.toFixed(0)} ms`);

  const launch = chromiumLaunchOptions();
  log(`bench: launching Chromium${launch.executablePath ? ` (${launch.executablePath})` : ''}…`);
  browser = await chromium.launch({ headless: true, timeout: TIMEOUT_MS, ...launch });

  // (a) Reader
  const readerServer = await startServe(readerDir);
  log('bench: reader warm-up (not counted)…');
  const warm = await measureReader(readerServer);
  if (!warm.readyMs) throw new Error('The reader never set data-annotations-ready="true"');
  const readerSamples = [];
  for (let i = 1; i <= opts.runs; i++) {
    const s = await measureReader(readerServer);
    readerSamples.push(s);
    log(
      `bench: reader ${i}/${opts.runs}: in app ${s.inAppMs.toFixed(0)} ms, cold ${s.readyMs.toFixed(0)} ms ` +
        `(DOMContentLoaded ${s.domContentLoadedMs?.toFixed(0)}, API ${s.apiSpanMs?.toFixed(0)}, render ${s.renderMs?.toFixed(0)})`,
    );
  }
  await stopChild(readerServer.child);

  // (b) Overview
  const overviewServer = await startServe(overviewDir);
  log('bench: overview warm-up (not counted)…');
  await measureOverview(overviewServer);
  log('bench: overview: scrolling and typing…');
  const overview = await measureOverview(overviewServer);
  await stopChild(overviewServer.child);
  log(
    `bench: overview: scroll longest ${overview.scroll.longest?.toFixed(0)} ms (${overview.scroll.over50} > 50), ` +
      `typing longest ${overview.typing.longest?.toFixed(0)} ms (${overview.typing.over50} > 50), ` +
      `wheel longest ${overview.wheel.longest?.toFixed(0)} ms (${overview.wheel.over50} > 50)`,
  );

  const apiMedians = {};
  for (const s of readerSamples) for (const c of s.api) (apiMedians[c.method] ??= []).push(c.end - c.start);
  const ready = stats(readerSamples.map((s) => s.readyMs));
  const inApp = stats(readerSamples.map((s) => s.inAppMs));
  const result = {
    runs: opts.runs,
    seed: {
      quotes: quotes.length,
      reader: { count: READER_NOTES, ms: round(seedReader.ms), anchors: seedReader.anchors },
      overview: { count: OVERVIEW_NOTES, ms: round(seedOverview.ms), anchors: seedOverview.anchors },
    },
    reader: {
      annotations: READER_NOTES,
      ready,
      inApp,
      // The target applies to opening a letter in the running app; a cold page load (app start
      // included, which bench:startup measures) is reported beside it.
      pass: inApp ? inApp.median <= TARGET_READER_MS : null,
      targetMs: TARGET_READER_MS,
      domContentLoaded: stats(readerSamples.map((s) => s.domContentLoadedMs)),
      apiSpan: stats(readerSamples.map((s) => s.apiSpanMs)),
      render: stats(readerSamples.map((s) => s.renderMs)),
      painted: stats(readerSamples.map((s) => s.paintedMs)),
      longestTask: stats(readerSamples.map((s) => (s.longTasks.length ? Math.max(...s.longTasks) : 0))),
      apiMedians: Object.fromEntries(Object.entries(apiMedians).map(([m, xs]) => [m, stats(xs)?.median ?? null])),
      samples: readerSamples.map((s) => round(s.readyMs)),
    },
    overview: {
      annotations: OVERVIEW_NOTES,
      load: { ...overview.load, listMs: round(overview.load.listMs), longest: round(overview.load.longest) },
      dom: overview.dom,
      wheel: {
        ...overview.wheel,
        longest: round(overview.wheel.longest),
        distance: Math.round(overview.wheel.distance),
        seconds: round(overview.wheel.seconds),
        events: WHEEL_EVENTS,
        deltaPx: WHEEL_DELTA,
        intervalMs: WHEEL_INTERVAL_MS,
        pass: overview.wheel.over50 === null ? null : overview.wheel.over50 === 0,
      },
      scroll: {
        ...overview.scroll,
        longest: round(overview.scroll.longest),
        maxFrameMs: round(overview.scroll.maxFrameMs),
        p95FrameMs: round(overview.scroll.p95FrameMs),
        pass: overview.scroll.over50 === null ? null : overview.scroll.over50 === 0,
      },
      typing: {
        ...overview.typing,
        longest: round(overview.typing.longest),
        slowestKeyMs: round(overview.typing.slowestKeyMs),
        pass: overview.typing.over50 === null ? null : overview.typing.over50 === 0,
      },
    },
    node: process.version,
    chromium: browser.version(),
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    // Other work on the machine skews long tasks: the 1-minute load average before and after.
    loadAverage: { before: round(loadBefore), after: round(loadavg()[0]) },
  };
  delete result.overview.scroll.start;
  delete result.overview.scroll.end;
  if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(table(result));
}

async function cleanup() {
  for (const child of [...children]) await stopChild(child).catch(() => child.kill('SIGKILL'));
  if (browser) {
    await withTimeout(browser.close(), TIMEOUT_MS, 'Chromium to close').catch((e) => log(`bench: ${e.message}`));
    browser = null;
  }
  removeTempDirs();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`bench: ${signal}, cleaning up`);
    for (const child of children) child.kill('SIGKILL');
    removeTempDirs();
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
