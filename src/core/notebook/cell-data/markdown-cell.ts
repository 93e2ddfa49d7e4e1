/** A text cell's data: Markdown source. */
export interface MarkdownCellData {
  source: string;
}

/** A new, empty text cell. */
export function createMarkdownCellData(source = ''): MarkdownCellData {
  return { source };
}

/** Repairs stored text-cell data. */
export function restoreMarkdownCellData(raw: unknown): MarkdownCellData {
  const source = (raw as { source?: unknown } | null)?.source;
  return { source: typeof source === 'string' ? source : '' };
}
