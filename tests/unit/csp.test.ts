import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CSP_HEADER, CSP_META, headersFile, parseHeadersFile } from '../../scripts/csp.mjs';

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
    expect(readFileSync('index.html', 'utf8')).toContain('content="%CX_TRACE_CSP%"');
  });
});
