/**
 * The web app's security headers, declared once: CloudFront sends them in AWS
 * (`infra/constructs/web-security-headers.ts`) and the local host sends the same.
 */

/**
 * The Content-Security-Policy. It allows what MapLibre needs (workers and images from blob:
 * URLs, inline styles on map elements) and nothing remote except `connectHosts` (Cognito
 * sign-in in AWS); `frame-ancestors 'none'` stops the app being framed by another site.
 */
export function contentSecurityPolicy(connectHosts: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connectHosts.map((h) => `https://${h}`)].join(' ')}`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** HSTS max-age, seconds (a year). */
export const HSTS_MAX_AGE_S = 365 * 86_400;

/** The other headers; `no-referrer` keeps map URLs (which may carry coordinates) out of other sites' logs. */
export const SECURITY_HEADERS = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
} as const;
