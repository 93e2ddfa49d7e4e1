/**
 * Timeouts for the tests that build a demo world, fit a model, cluster thousands of comments
 * or read a file of thousands of rows. They take from 0.3 s to 20 s on an idle 2-core machine
 * and three to six times longer on a busy one, so Vitest's 5 s default would fail them only
 * under load. Speed is measured by `npm run bench`, never by a test's time.
 */
export const SLOW = { timeout: 60_000 } as const;

/** For the few tests that take over 10 s on an idle machine (clustering the CFPB narratives). */
export const VERY_SLOW = { timeout: 240_000 } as const;
