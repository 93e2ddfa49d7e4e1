/**
 * About how many bytes a structured-clonable value takes when stored: typed arrays by their
 * buffer (JSON would spell each element out as a keyed text), strings by their characters,
 * numbers as 8 bytes, objects and arrays as the sum of their parts and keys.
 */
export function valueBytes(value: unknown): number {
  if (value === null || value === undefined) return 1;
  switch (typeof value) {
    case 'number':
      return 8;
    case 'boolean':
      return 1;
    case 'string':
      return value.length;
    case 'object':
      break;
    default:
      return 0;
  }
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (Array.isArray(value)) {
    let n = 0;
    for (const v of value as unknown[]) n += valueBytes(v);
    return n;
  }
  let n = 0;
  for (const [k, v] of Object.entries(value)) n += k.length + valueBytes(v);
  return n;
}
