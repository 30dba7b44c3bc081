import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/** The web app's own routes (docs/contract.md): served by index.html, the app routes them. */
export const SPA_ROUTES = ['/coordinator', '/patrol'] as const;

/**
 * A viewer-request function on the static behaviour: an app route (or a path below it) is
 * answered with index.html. Only the default behaviour runs it, so `/api/*` errors stay JSON
 * (custom error responses would rewrite those too).
 */
export function spaRoutes(scope: Construct): cloudfront.Function {
  const routes = JSON.stringify(SPA_ROUTES);
  return new cloudfront.Function(scope, 'SpaRoutes', {
    comment: 'Phithak: app routes serve index.html',
    runtime: cloudfront.FunctionRuntime.JS_2_0,
    code: cloudfront.FunctionCode.fromInline(
      [
        'function handler(event) {',
        '  var request = event.request;',
        `  var routes = ${routes};`,
        '  for (var i = 0; i < routes.length; i++) {',
        "    if (request.uri === routes[i] || request.uri.startsWith(routes[i] + '/')) {",
        "      request.uri = '/index.html';",
        '      break;',
        '    }',
        '  }',
        '  return request;',
        '}',
      ].join('\n'),
    ),
  });
}

/**
 * What CloudFront forwards to the API besides the cache key (Authorization, query strings):
 * the headers the API reads, and `CloudFront-Viewer-Address`, the viewer's own address, which
 * a client cannot forge (rate limits key on a pseudonym of it). Never Host or cookies.
 */
export function apiOriginRequestPolicy(scope: Construct): cloudfront.OriginRequestPolicy {
  return new cloudfront.OriginRequestPolicy(scope, 'ApiOriginRequest', {
    comment: 'Phithak /api: the headers the API reads, and the viewer address',
    headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(
      'CloudFront-Viewer-Address',
      'Content-Type',
      'Accept',
      'Idempotency-Key',
      'X-Api-Key',
      'Origin',
    ),
    queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
  });
}
