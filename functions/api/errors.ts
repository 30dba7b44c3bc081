/** An error the client caused; the router turns it into a JSON 4xx response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string, fields?: Record<string, string>) =>
  new HttpError(400, code, message, fields);
export const notFound = (message = 'not found') => new HttpError(404, 'not_found', message);
export const unauthorized = () =>
  new HttpError(401, 'unauthorized', 'this route needs a coordinator token: Authorization: Bearer <token>');
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
