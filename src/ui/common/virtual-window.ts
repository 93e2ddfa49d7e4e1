/**
 * Which rows a virtualised table shows for a scroll position. The scrolled content is as tall as
 * all rows, up to `MAX_SCROLL_PX` (browsers cap element heights at a few million pixels); past
 * that, the scroll position maps to rows in proportion, so a million rows still scroll end to end.
 */

/** The tallest scrolled content the table makes. */
export const MAX_SCROLL_PX = 8_000_000;

/** Height of the scrolled content for `total` rows of `rowHeight` pixels. */
export function contentHeight(total: number, rowHeight: number): number {
  return Math.min(Math.max(0, total) * rowHeight, MAX_SCROLL_PX);
}

/** Rows fully visible in a viewport `viewport` pixels tall (at least one). */
export function rowsInView(viewport: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewport / rowHeight));
}

/**
 * The first row on screen when the content (see `contentHeight`) is scrolled to `scrollTop` in a
 * viewport of `viewport` pixels: row 0 at the top, the last rows fully visible at the bottom.
 */
export function firstRowAt(
  scrollTop: number,
  viewport: number,
  total: number,
  rowHeight: number,
): number {
  const maxFirst = Math.max(0, total - rowsInView(viewport, rowHeight));
  const maxScroll = contentHeight(total, rowHeight) - viewport;
  if (maxScroll <= 0 || maxFirst === 0) return 0;
  const share = Math.min(1, Math.max(0, scrollTop / maxScroll));
  return Math.min(maxFirst, Math.round(share * maxFirst));
}

/** The scroll position that puts row `row` (0-based) at the top (or as near as the end allows). */
export function scrollTopFor(
  row: number,
  viewport: number,
  total: number,
  rowHeight: number,
): number {
  const maxFirst = Math.max(0, total - rowsInView(viewport, rowHeight));
  const maxScroll = Math.max(0, contentHeight(total, rowHeight) - viewport);
  if (maxFirst === 0) return 0;
  const target = Math.min(maxFirst, Math.max(0, row));
  return (target / maxFirst) * maxScroll;
}
