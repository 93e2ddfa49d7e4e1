import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  CSP_EVAL_WORKER,
  CSP_HEADER,
  CSP_META,
  headersFile,
  headersFor,
  headersForPath,
  parseHeadersFile,
} from '../../scripts/csp.mjs';

describe('the content security policy, in one place', () => {
  it('is strict, and the README gives hosts exactly the header the build writes', () => {
    for (const policy of [CSP_META, CSP_HEADER]) {
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(policy).toContain("connect-src 'self'");
    }
    expect(CSP_HEADER).toBe(`${CSP_META}; frame-ancestors 'none'`);
    expect(parseHeadersFile(headersFile())['Content-Security-Policy']).toBe(CSP_HEADER);
    const readme = readFileSync('README.md', 'utf8');
    expect(readme.split(`Content-Security-Policy "${CSP_HEADER}"`)).toHaveLength(3);
    // The transform worker's exception, the same in the README's two snippets and the file.
    expect(readme.split(`Content-Security-Policy "${CSP_EVAL_WORKER}"`)).toHaveLength(3);
    expect(CSP_EVAL_WORKER).toBe(
      CSP_HEADER.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
    );
    const file = headersFile();
    expect(headersForPath(file, '/index.html')['Content-Security-Policy']).toBe(CSP_HEADER);
    expect(headersForPath(file, '/assets/text.worker-Ab1.js')['Content-Security-Policy']).toBe(
      CSP_HEADER,
    );
    expect(headersForPath(file, '/assets/transform.worker-Ab1.js')).toEqual(
      headersFor('/assets/transform.worker-Ab1.js'),
    );
    expect(headersFor('/assets/transform.worker-Ab1.js')['Content-Security-Policy']).toBe(
      CSP_EVAL_WORKER,
    );
    expect(readFileSync('index.html', 'utf8')).toContain('content="%CX_TRACE_CSP%"');
  });
});
