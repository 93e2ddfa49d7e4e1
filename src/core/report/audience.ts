/** The report's vocabulary: who a report is for, and what one may lack. */

/** Who a report is for. */
export type Audience = 'frontline' | 'managers' | 'executives';

/** The audiences, in the order the app offers them. */
export const AUDIENCES: readonly Audience[] = ['frontline', 'managers', 'executives'];

/** What a report needs that is not at hand: the kind of cell to add. */
export type MissingPart = 'trace' | 'nps' | 'index' | 'front-line' | 'drivers' | 'frequency';
