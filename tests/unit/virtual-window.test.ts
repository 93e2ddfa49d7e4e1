import { describe, expect, it } from 'vitest';
import {
  MAX_SCROLL_PX,
  contentHeight,
  firstRowAt,
  rowsInView,
  scrollTopFor,
} from '../../src/ui/common/virtual-window.ts';

describe('virtualised rows', () => {
  it('maps scroll positions to rows one to one while the content fits', () => {
    // 1,000 rows of 30 px in a 300 px viewport: 10 rows in view.
    expect(contentHeight(1000, 30)).toBe(30_000);
    expect(rowsInView(300, 30)).toBe(10);
    expect(firstRowAt(0, 300, 1000, 30)).toBe(0);
    expect(firstRowAt(30 * 500, 300, 1000, 30)).toBe(500);
    expect(firstRowAt(30_000 - 300, 300, 1000, 30)).toBe(990);
    expect(firstRowAt(1e9, 300, 1000, 30)).toBe(990);
    expect(firstRowAt(-5, 300, 1000, 30)).toBe(0);
  });

  it('scales a million rows into the largest content height and still reaches the last row', () => {
    const total = 1_000_000;
    expect(contentHeight(total, 30)).toBe(MAX_SCROLL_PX);
    const maxScroll = MAX_SCROLL_PX - 300;
    expect(firstRowAt(maxScroll, 300, total, 30)).toBe(total - 10);
    expect(firstRowAt(maxScroll / 2, 300, total, 30)).toBe(Math.round((total - 10) / 2));
  });

  it('has nothing to scroll when all rows fit', () => {
    expect(firstRowAt(100, 300, 5, 30)).toBe(0);
    expect(scrollTopFor(3, 300, 5, 30)).toBe(0);
    expect(firstRowAt(0, 300, 0, 30)).toBe(0);
  });

  it('finds the scroll position of a row, the inverse of firstRowAt', () => {
    for (const total of [1000, 100_000, 1_000_000]) {
      for (const row of [0, 1, 777, total / 2, total - 11, total - 10]) {
        const top = scrollTopFor(row, 300, total, 30);
        expect(firstRowAt(top, 300, total, 30)).toBe(row);
      }
      // Past the end: the last screenful.
      expect(firstRowAt(scrollTopFor(total + 5, 300, total, 30), 300, total, 30)).toBe(total - 10);
    }
  });
});
