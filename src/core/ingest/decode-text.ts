/** Text encodings the importer reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

/** The encodings offered in the preview, in the order they are offered. */
export const TEXT_ENCODINGS: readonly TextEncoding[] = [
  'utf-8',
  'windows-1251',
  'windows-1252',
  'utf-16le',
  'utf-16be',
];

/** What `detectEncoding` decided and on what evidence. */
export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (skipped when decoding). */
  bomLength: number;
}

/** How many bytes detection looks at: enough for many lines, small enough to be instant. */
const SAMPLE_BYTES = 256 * 1024;

/**
 * Decides a file's encoding from its first bytes: a byte-order mark if there is one; else
 * UTF-8 if the sample is valid UTF-8; else windows-1251 when high bytes look like Russian
 * letters, windows-1252 otherwise. The user can override it in the preview.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (isUtf8(sample, sample.length < bytes.length)) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: looksCyrillic1251(sample) ? 'windows-1251' : 'windows-1252', bomLength: 0 };
}

/** Whether bytes are valid UTF-8 (a sequence cut off by the sample's end is allowed). */
function isUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (need < 0 || b > 0xf4) return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return truncated;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}

/**
 * In windows-1251 the bytes C0–FF are Russian letters (lower case E0–FF), and Russian text is
 * mostly made of them; in windows-1252 the same bytes are occasional accented Latin letters
 * between ASCII ones. Count runs: Russian words are runs of several high bytes.
 */
function looksCyrillic1251(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0xc0 || b === 0xa8 || b === 0xb8) {
      high++;
      run++;
    } else {
      if (run >= 3) inRuns += run;
      run = 0;
    }
  }
  if (run >= 3) inRuns += run;
  return high > 0 && inRuns / high > 0.5;
}

/**
 * Decodes bytes as text in `encoding`, skipping a byte-order mark. Undecodable bytes become
 * U+FFFD; `replacements` counts them so the preview can warn and offer another encoding.
 */
export function decodeText(
  bytes: Uint8Array,
  encoding: TextEncoding,
): { text: string; replacements: number } {
  const bom = detectEncoding(bytes.subarray(0, 4));
  const skip = bom.bomLength > 0 && bom.encoding === encoding ? bom.bomLength : 0;
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(skip));
  let replacements = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replacements++;
  return { text, replacements };
}
