/**
 * A set of numbers that stores them unboxed. A `Set` of non-integers (dates as epoch
 * milliseconds, decimals) boxes every number added, found or not: a million-row column makes a
 * million short-lived objects for the collector.
 */

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** The bits of `v` mixed (MurmurHash3's finaliser) so that the low bits depend on all of them. */
function hash(v: number): number {
  bits[0] = v;
  let h = words[0]! ^ Math.imul(words[1]!, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A growing set of numbers (NaN never added; -0 is 0, as in `Set`), open addressing. */
export class NumberSet {
  private slots = new Float64Array(16);
  private full = new Uint8Array(16);
  private order: number[] = [];

  /** How many numbers are in the set. */
  get size(): number {
    return this.order.length;
  }

  /** Adds `x` (not NaN). */
  add(x: number): void {
    const v = x + 0;
    const mask = this.slots.length - 1;
    let i = hash(v) & mask;
    while (this.full[i] === 1) {
      if (this.slots[i] === v) return;
      i = (i + 1) & mask;
    }
    this.full[i] = 1;
    this.slots[i] = v;
    this.order.push(v);
    if (this.order.length * 2 > this.slots.length) this.grow();
  }

  /** The numbers in the order they were first added. */
  values(): readonly number[] {
    return this.order;
  }

  private grow(): void {
    this.slots = new Float64Array(this.slots.length * 2);
    this.full = new Uint8Array(this.slots.length);
    const order = this.order;
    this.order = [];
    for (const v of order) this.add(v);
  }
}
