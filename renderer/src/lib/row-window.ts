// Which rows of a long table to render: the ones in the scrolled viewport plus a few either side (and the row
// holding keyboard focus, wherever it is), so a fast market re-renders and re-lays out only what is seen.

export type RowWindowInput = {
  count: number;
  rowPx: number;
  scrollTop: number;
  viewportPx: number;
  /** Rows rendered beyond each edge: Tab and Shift+Tab always find the next row already there. */
  overscan: number;
  /** A row that stays rendered wherever the viewport is (the one holding keyboard focus), or null. */
  keep: number | null;
};

/** What the table body holds, top to bottom: runs of rendered rows [from, to) and gaps of unrendered rows. */
export type RowSegment = { kind: 'rows'; from: number; to: number } | { kind: 'gap'; rows: number };

export function rowSegments({
  count,
  rowPx,
  scrollTop,
  viewportPx,
  overscan,
  keep,
}: RowWindowInput): RowSegment[] {
  if (count <= 0) return [];
  const top = Math.floor(Math.max(0, scrollTop) / rowPx);
  const bottom = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportPx)) / rowPx);
  const first = Math.min(Math.max(0, top - overscan), count - 1);
  const end = Math.max(first + 1, Math.min(count, bottom + overscan));
  const runs: [number, number][] = [[first, end]];
  if (keep !== null && keep >= 0 && keep < count && (keep < first || keep >= end)) {
    if (keep < first) runs.unshift([keep, keep + 1]);
    else runs.push([keep, keep + 1]);
  }
  const segments: RowSegment[] = [];
  let at = 0;
  for (const [from, to] of runs) {
    if (from > at) segments.push({ kind: 'gap', rows: from - at });
    segments.push({ kind: 'rows', from, to });
    at = to;
  }
  if (count > at) segments.push({ kind: 'gap', rows: count - at });
  return segments;
}
