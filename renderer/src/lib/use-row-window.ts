// Keeps a long table's rendered rows to its scrolled viewport (see row-window.ts): measures the scroll box and a
// row once (and on resize), follows scrolling, and keeps the row holding keyboard focus rendered.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { FocusEvent, RefObject } from 'react';
import { rowSegments, type RowSegment } from './row-window';

/** Rows are tagged with this attribute (their key) so focus and measuring can find them. */
export const ROW_KEY_ATTR = 'data-row-key';

type Options = {
  /** The rows' keys in display order. */
  keys: readonly string[];
  /** A row's height before one has been measured (and where nothing is laid out, as in a DOM without layout). */
  estimateRowPx: number;
  /** The scroll box's height before it has been measured. */
  estimateViewportPx: number;
  overscan?: number;
};

export type RowWindowView = {
  segments: RowSegment[];
  rowPx: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  onScroll: () => void;
  onFocus: (event: FocusEvent) => void;
  onBlur: (event: FocusEvent) => void;
};

type Box = { scrollTop: number; viewportPx: number; rowPx: number };

function rowKeyOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  return target.closest(`[${ROW_KEY_ATTR}]`)?.getAttribute(ROW_KEY_ATTR) ?? null;
}

export function useRowWindow({
  keys,
  estimateRowPx,
  estimateViewportPx,
  overscan = 6,
}: Options): RowWindowView {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<Box>({ scrollTop: 0, viewportPx: estimateViewportPx, rowPx: estimateRowPx });
  const [focused, setFocused] = useState<string | null>(null);

  const measure = useCallback(
    (withRow: boolean) => {
      const element = scrollRef.current;
      if (element === null) return;
      const row = withRow ? element.querySelector(`tbody [${ROW_KEY_ATTR}]`) : null;
      const rowHeight = row?.getBoundingClientRect().height ?? 0;
      setBox((current) => {
        const next = {
          scrollTop: element.scrollTop,
          viewportPx: element.clientHeight > 0 ? element.clientHeight : estimateViewportPx,
          rowPx: rowHeight > 0 ? rowHeight : current.rowPx,
        };
        const same =
          next.scrollTop === current.scrollTop &&
          next.viewportPx === current.viewportPx &&
          next.rowPx === current.rowPx;
        return same ? current : next;
      });
    },
    [estimateViewportPx],
  );

  useLayoutEffect(() => {
    const element = scrollRef.current;
    measure(true);
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      measure(true);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [measure]);

  const onScroll = useCallback(() => {
    measure(false);
  }, [measure]);
  const onFocus = useCallback((event: FocusEvent) => {
    setFocused(rowKeyOf(event.target));
  }, []);
  const onBlur = useCallback((event: FocusEvent) => {
    if (rowKeyOf(event.relatedTarget) === null) setFocused(null);
  }, []);

  const keep = focused === null ? -1 : keys.indexOf(focused);
  const segments = rowSegments({
    count: keys.length,
    rowPx: box.rowPx,
    scrollTop: box.scrollTop,
    viewportPx: box.viewportPx,
    overscan,
    keep: keep < 0 ? null : keep,
  });
  return { segments, rowPx: box.rowPx, scrollRef, onScroll, onFocus, onBlur };
}
