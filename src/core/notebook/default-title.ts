/**
 * The name offered for a new notebook: "Notebook N", N one more than the notebooks there are,
 * and further on while that name is already taken (a renamed or deleted one may leave a gap or
 * a clash), so that the suggestion never repeats an existing title.
 *
 * @param name The title for a number, in the user's language (`n => "Notebook " + n`).
 * @param taken The titles of the existing notebooks.
 */
export function nextNotebookTitle(name: (n: number) => string, taken: readonly string[]): string {
  const titles = new Set(taken.map((t) => t.trim()));
  let n = taken.length + 1;
  while (titles.has(name(n))) n++;
  return name(n);
}
