/** Header names after repair, and what was renamed. */
export interface HeaderNames {
  names: string[];
  /** Columns whose header was blank, as `{ index, name }` (0-based index, the name given). */
  blank: { index: number; name: string }[];
  /** Columns whose header repeated an earlier one: `{ index, original, name }`. */
  renamed: { index: number; original: string; name: string }[];
}

/**
 * Makes header names usable as column names: trimmed, blank ones named `Column N` (N is the
 * 1-based position), repeated ones suffixed ` (2)`, ` (3)`… Every change is reported.
 */
export function repairHeaderNames(raw: readonly (string | null | undefined)[]): HeaderNames {
  const names: string[] = [];
  const blank: HeaderNames['blank'] = [];
  const renamed: HeaderNames['renamed'] = [];
  const used = new Set<string>();
  // The next suffix to try for each repeated name: a header of one name repeated thousands of
  // times would otherwise count up from 2 on every repeat (quadratic).
  const nextSuffix = new Map<string, number>();
  raw.forEach((value, index) => {
    let name = (value ?? '').trim();
    if (name === '') {
      name = `Column ${index + 1}`;
      blank.push({ index, name });
    }
    if (used.has(name.toLowerCase())) {
      const original = name;
      const key = original.toLowerCase();
      let k = nextSuffix.get(key) ?? 2;
      while (used.has(`${key} (${k})`)) k++;
      nextSuffix.set(key, k + 1);
      name = `${original} (${k})`;
      renamed.push({ index, original, name });
    }
    used.add(name.toLowerCase());
    names.push(name);
  });
  return { names, blank, renamed };
}
