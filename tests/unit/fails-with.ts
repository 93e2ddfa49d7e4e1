/**
 * The code of the error `p` rejects with, when it is an instance of `kind` (a coded error such as
 * `BackupError` or `ShareError`); any other error is rethrown, and a promise that resolves fails
 * the test.
 */
export async function failsWith<C extends string>(
  p: Promise<unknown>,
  kind: abstract new (...args: never[]) => { code: C },
): Promise<C> {
  try {
    await p;
  } catch (e) {
    if (e instanceof kind) return e.code;
    throw e;
  }
  throw new Error('expected a failure, but it succeeded');
}
