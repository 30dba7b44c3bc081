import * as apigw from 'aws-cdk-lib/aws-apigateway';

/**
 * Access log line without source IP or user agent (privacy of tipsters); enough to trace a
 * request (`requestId`) and to see status, latency and throttling.
 */
export function apiAccessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(
    JSON.stringify({
      requestId: apigw.AccessLogField.contextRequestId(),
      time: apigw.AccessLogField.contextRequestTime(),
      method: apigw.AccessLogField.contextHttpMethod(),
      resource: apigw.AccessLogField.contextResourcePath(),
      status: apigw.AccessLogField.contextStatus(),
      latencyMs: apigw.AccessLogField.contextResponseLatency(),
      error: apigw.AccessLogField.contextErrorMessageString(),
      wafStatus: apigw.AccessLogField.contextWafResponseCode(),
    }),
  );
}

/** Gateway-made errors in the contract's shape `{"error": {"code", "message"}}`. */
const ERRORS: Array<[string, apigw.ResponseType, string, string, string]> = [
  [
    'BadBody',
    apigw.ResponseType.BAD_REQUEST_BODY,
    '400',
    'bad_request',
    'The request body is not valid JSON or misses required fields.',
  ],
  [
    'BadParams',
    apigw.ResponseType.BAD_REQUEST_PARAMETERS,
    '400',
    'bad_request',
    'Required query parameters are missing.',
  ],
  ['Unauthorized', apigw.ResponseType.UNAUTHORIZED, '401', 'unauthorized', 'Sign in as a coordinator.'],
  ['NoRoute', apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN, '404', 'not_found', 'No such route.'],
  ['Throttled', apigw.ResponseType.THROTTLED, '429', 'rate_limited', 'Too many requests; try again shortly.'],
  ['WafBlocked', apigw.ResponseType.WAF_FILTERED, '403', 'forbidden', 'The request was blocked.'],
  ['Default4xx', apigw.ResponseType.DEFAULT_4XX, '400', 'rejected', 'The request could not be accepted.'],
  ['Default5xx', apigw.ResponseType.DEFAULT_5XX, '500', 'internal', 'Something went wrong on our side.'],
];

/** Adds the gateway responses, with CORS for the web origin. */
export function apiErrorResponses(api: apigw.RestApi, webOrigin: string): void {
  for (const [id, type, statusCode, code, message] of ERRORS) {
    const keepStatus = type === apigw.ResponseType.DEFAULT_4XX || type === apigw.ResponseType.DEFAULT_5XX;
    api.addGatewayResponse(id, {
      type,
      statusCode: keepStatus ? undefined : statusCode,
      responseHeaders: { 'Access-Control-Allow-Origin': `'${webOrigin}'` },
      templates: { 'application/json': JSON.stringify({ error: { code, message } }) },
    });
  }
}
