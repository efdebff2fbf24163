/**
 * Virtualisation against the window's scroll (the page keeps one scrollbar): of a long list only
 * the rows in view plus an overscan band are in the DOM, absolutely placed at their offsets inside
 * a container as tall as the whole list.
 *
 * Row heights are estimated, then measured once rendered (a ResizeObserver per row); offsets are
 * prefix sums over measured-or-estimated heights. When a row above the viewport turns out taller
 * or shorter than estimated, the window is scrolled by the difference so what the user looks at
 * stays put. A change of width or text size drops the measurements (they no longer hold).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** The list-relative viewport: `top` is how far the window's top edge is below the list's top. */
interface View {
  top: number;
  height: number;
}

/** Steps in which the viewport is tracked: scrolling within a step causes no render. */
const STEP = 96;

export interface VirtualItem {
  index: number;
  top: number;
}

export interface Virtual {
  /** Rows to render: those in view plus overscan, plus `keep` (the focused row). */
  items: VirtualItem[];
  total: number;
  offsets: Float64Array;
  /** Callback ref for each rendered row element (carries `data-index` and `data-key`). */
  measure: (el: HTMLElement | null) => void;
  /** Scrolls the window so the row is in view (`nearest`: only if it is not). */
  scrollToIndex: (index: number, align?: 'start' | 'nearest') => void;
  /** The first row whose top is at or below the top of the viewport. */
  firstVisible: number;
  /** The list-relative viewport (steps of STEP px). */
  view: View;
}

/** The viewport relative to the list, in steps (so small scrolls cause no render). */
function viewOf(el: HTMLElement): View {
  const top = -el.getBoundingClientRect().top;
  return { top: Math.floor(top / STEP) * STEP, height: Math.ceil(window.innerHeight / STEP) * STEP };
}

function sameView(a: View, b: View): View {
  return a.top === b.top && a.height === b.height ? a : b;
}

function remPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** Smallest i with offsets[i + 1] > y (the row that contains y). */
function rowAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  let lo = 0;
  let hi = n - 1;
  if (n <= 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function useWindowVirtual<R extends { key: string }>({
  rows,
  estimate,
  container,
  overscan = 800,
  keep = -1,
}: {
  rows: readonly R[];
  /** Estimated height of a row not yet measured, in rem (computed once per row list). */
  estimate: (row: R) => number;
  container: RefObject<HTMLElement | null>;
  overscan?: number;
  keep?: number;
}): Virtual {
  // Measured heights by row key, kept across filter changes (mutated in place by the row observer;
  // `version` tells React that they changed). Copying a 10,000-entry map per measurement was a
  // measurable cost while scrolling.
  const [measured] = useState(() => new Map<string, number>());
  // `version` goes up with every measurement, `generation` when all measurements are dropped.
  const [version, setVersion] = useState(0);
  const [generation, setGeneration] = useState(0);
  const [rem, setRem] = useState(remPx);
  const [view, setView] = useState<View>(() => ({ top: 0, height: window.innerHeight }));

  // Heights by row index: measured, else estimated. Rebuilt when the rows change; the row
  // observer writes measurements into it directly, so offsets are a plain prefix sum.
  const sizes = useMemo(() => {
    void generation;
    return Float64Array.from(rows, (row) => measured.get(row.key) ?? estimate(row) * rem);
  }, [rows, estimate, rem, measured, generation]);
  const offsets = useMemo(() => {
    void version;
    const o = new Float64Array(sizes.length + 1);
    for (let i = 0; i < sizes.length; i++) o[i + 1] = o[i]! + sizes[i]!;
    return o;
  }, [sizes, version]);
  const total = offsets[rows.length] ?? 0;

  // Latest values for the event handlers and observers below (before the row observer reports).
  const latest = useRef({ offsets, rows, sizes });
  useLayoutEffect(() => {
    latest.current = { offsets, rows, sizes };
  }, [offsets, rows, sizes]);

  // Scrolling and resizing move the viewport; anything above the list changing height moves the list.
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const el = container.current;
        if (el) setView((v) => sameView(v, viewOf(el)));
      });
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    const page = container.current?.parentElement ?? null;
    let width = container.current?.clientWidth ?? 0;
    let lastRem = remPx();
    const observer = new ResizeObserver(() => {
      const el = container.current;
      const nowRem = remPx();
      if (el && (el.clientWidth !== width || Math.abs(nowRem - lastRem) > 0.01)) {
        // Rows wrap differently now: earlier measurements no longer hold. The rendered rows are
        // measured again here (their own observer may not report: not every row changed size).
        width = el.clientWidth;
        lastRem = nowRem;
        measured.clear();
        for (const row of el.querySelectorAll<HTMLElement>('[data-key]')) {
          if (row.dataset.key) measured.set(row.dataset.key, row.offsetHeight);
        }
        setRem(nowRem);
        setGeneration((g) => g + 1);
      }
      schedule();
    });
    if (page) observer.observe(page);
    if (container.current) observer.observe(container.current);
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      observer.disconnect();
    };
  }, [container, measured]);

  // One observer for every rendered row (made on first use): measured heights replace estimates.
  const rowObserver = useRef<ResizeObserver | null>(null);
  useEffect(() => () => rowObserver.current?.disconnect(), []);
  const measure = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return;
      rowObserver.current ??= new ResizeObserver((records) => {
        const { offsets: current, rows: known, sizes: size } = latest.current;
        let changed = false;
        let shift = 0;
        const listTop = container.current?.getBoundingClientRect().top ?? 0;
        for (const record of records) {
          const row = record.target as HTMLElement;
          const key = row.dataset.key;
          const index = Number(row.dataset.index);
          if (!key || !row.isConnected || known[index]?.key !== key) continue;
          const h = row.offsetHeight;
          const old = current[index + 1]! - current[index]!;
          if (Math.abs(h - old) < 0.5 && measured.has(key)) continue;
          measured.set(key, h);
          size[index] = h;
          changed = true;
          // A row that ends above the window's top: keep the view steady.
          if (listTop + current[index + 1]! <= 0 && Math.abs(h - old) >= 0.5) shift += h - old;
        }
        if (!changed) return;
        setVersion((v) => v + 1);
        if (shift !== 0) window.scrollBy(0, shift);
      });
      rowObserver.current.observe(el);
    },
    [container, measured],
  );

  const firstVisible = rows.length ? rowAt(offsets, Math.max(0, view.top)) : 0;
  const items = useMemo(() => {
    if (rows.length === 0) return [];
    const start = rowAt(offsets, Math.max(0, view.top - overscan));
    const end = rowAt(offsets, Math.max(0, view.top + view.height + overscan));
    const out: VirtualItem[] = [];
    if (keep >= 0 && keep < start) out.push({ index: keep, top: offsets[keep]! });
    for (let i = start; i <= end && i < rows.length; i++) out.push({ index: i, top: offsets[i]! });
    if (keep > end && keep < rows.length) out.push({ index: keep, top: offsets[keep]! });
    return out;
  }, [rows.length, offsets, view, overscan, keep]);

  const scrollToIndex = useCallback(
    (index: number, align: 'start' | 'nearest' = 'nearest') => {
      const el = container.current;
      const { offsets: current } = latest.current;
      if (!el || index < 0 || index >= current.length - 1) return;
      const listTop = el.getBoundingClientRect().top;
      const rowTop = listTop + current[index]!;
      const rowBottom = listTop + current[index + 1]!;
      const margin = Math.min(window.innerHeight / 4, 80);
      if (align === 'start') window.scrollBy(0, rowTop - margin);
      else if (rowTop < 0) window.scrollBy(0, rowTop - margin);
      else if (rowBottom > window.innerHeight) window.scrollBy(0, rowBottom - window.innerHeight + margin);
      setView((v) => sameView(v, viewOf(el)));
    },
    [container],
  );

  return { items, total, offsets, measure, scrollToIndex, firstVisible, view };
}
