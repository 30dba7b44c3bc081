import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, cspPlugin } from './csp-plugin.js';

describe('cspPlugin', () => {
  it('allows nothing inline or evaluated, and nothing from other origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('applies to the build only, where no HMR styles are injected', () => {
    expect(cspPlugin().apply).toBe('build');
  });
});
