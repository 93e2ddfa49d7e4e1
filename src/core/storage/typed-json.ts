/**
 * JSON that keeps typed arrays (SHAP values, sampled rows): a typed array is written as
 * `{"$typed": "Float64Array", "data": [...]}` with NaN as null, and read back as one. Used by
 * shares and backups, whose results hold them.
 */

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The typed arrays results hold (SHAP values, sampled rows), by name. */
const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof TYPED;

/** A `JSON.stringify` replacer that writes typed arrays as tagged arrays. */
export function typedJsonReplacer(_key: string, v: unknown): unknown {
  if (!ArrayBuffer.isView(v) || v instanceof DataView) return v;
  const name = v.constructor.name;
  if (!(name in TYPED)) return v;
  return { $typed: name, data: Array.from(v as Float64Array, (x) => (Number.isNaN(x) ? null : x)) };
}

/** A `JSON.parse` reviver that reads tagged arrays back as typed arrays. */
export function typedJsonReviver(_key: string, v: unknown): unknown {
  if (!isRecord(v) || typeof v.$typed !== 'string' || !Array.isArray(v.data)) return v;
  const make = TYPED[v.$typed as TypedName] as { from(d: ArrayLike<number>): unknown } | undefined;
  if (!make) return v;
  return make.from(v.data.map((x: unknown) => (typeof x === 'number' ? x : NaN)));
}
