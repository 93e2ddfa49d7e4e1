/** How many leading records are searched for the header. */
const SEARCH_RECORDS = 50;

const looksLikeValue = (cell: string) =>
  /^[-+\u2212]?[\d\s\u00a0.,'’%]*\d[\d\s\u00a0.,'’%]*$/.test(cell) ||
  /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/.test(cell);

const filled = (row: readonly string[]) => row.filter((c) => c.trim() !== '').length;

/**
 * Finds the header record: the first one filled as fully as the data below it (so the title
 * lines and blank lines of 1C or CRM report exports above the table are passed over) whose
 * cells are names, not numbers or dates. Returns its 0-based index, or null when the table
 * starts with data (the columns are then named `Column 1`, `Column 2`…).
 */
export function detectHeaderRow(rows: readonly (readonly string[])[]): number | null {
  const sample = rows.slice(0, SEARCH_RECORDS);
  const fills = sample.map(filled).filter((n) => n > 0);
  if (fills.length === 0) return null;
  const typical = [...fills].sort((a, b) => a - b)[Math.floor(fills.length / 2)]!;
  const first = sample.findIndex((r) => filled(r) >= Math.max(1, Math.ceil(typical * 0.6)));
  if (first < 0) return null;
  const cells = sample[first]!.filter((c) => c.trim() !== '');
  const values = cells.filter((c) => looksLikeValue(c.trim())).length;
  // A header may hold the odd number-like name (a year), but not mostly numbers.
  return values / cells.length <= 0.2 ? first : null;
}
