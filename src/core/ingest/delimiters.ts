/** Field delimiters the importer recognises. */
export type Delimiter = ',' | ';' | '\t' | '|';

/** The delimiters offered in the preview. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
