// Which rows of a long table are rendered: the rows in the scrolled viewport, `overscan` more either side, the
// focused row wherever it is (alone, with gaps around it), never past the ends.
import { describe, expect, it } from 'vitest';
import { rowSegments, type RowSegment, type RowWindowInput } from '../../../renderer/src/lib/row-window';

const base: RowWindowInput = {
  count: 100,
  rowPx: 44,
  scrollTop: 0,
  viewportPx: 440,
  overscan: 6,
  keep: null,
};
const rows = (from: number, to: number): RowSegment => ({ kind: 'rows', from, to });
const gap = (n: number): RowSegment => ({ kind: 'gap', rows: n });

describe('rowSegments', () => {
  it.each<[string, Partial<RowWindowInput>, RowSegment[]]>([
    ['at the top: 10 rows in view + 6 below', {}, [rows(0, 16), gap(84)]],
    ['scrolled to row 20: 6 above and below', { scrollTop: 20 * 44 }, [gap(14), rows(14, 36), gap(64)]],
    ['half a row scrolled: the partly visible row counts', { scrollTop: 22 }, [rows(0, 17), gap(83)]],
    ['at the bottom: stops at the last row', { scrollTop: 90 * 44 }, [gap(84), rows(84, 100)]],
    ['scrolled past the end: the last row stays', { scrollTop: 200 * 44 }, [gap(99), rows(99, 100)]],
    ['negative scroll (elastic scroll at the top)', { scrollTop: -30 }, [rows(0, 16), gap(84)]],
    ['fewer rows than the view: all of them', { count: 3 }, [rows(0, 3)]],
    ['no rows', { count: 0 }, []],
    [
      'focused row below the window: rendered alone',
      { keep: 70 },
      [rows(0, 16), gap(54), rows(70, 71), gap(29)],
    ],
    [
      'focused row above the window: rendered alone',
      { scrollTop: 50 * 44, keep: 2 },
      [gap(2), rows(2, 3), gap(41), rows(44, 66), gap(34)],
    ],
    [
      'focused first row right above the window: no empty gap',
      { scrollTop: 7 * 44, keep: 0 },
      [rows(0, 1), rows(1, 23), gap(77)],
    ],
    ['focused row inside the window changes nothing', { keep: 5 }, [rows(0, 16), gap(84)]],
    ['a focused index past the end is ignored', { keep: 100 }, [rows(0, 16), gap(84)]],
  ])('%s', (_, input, expected) => {
    expect(rowSegments({ ...base, ...input })).toEqual(expected);
  });
});
