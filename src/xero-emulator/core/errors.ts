import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson, sendText } from './http.js';

export const NOT_FOUND_TEXT = "The resource you're looking for cannot be found";

/** Thrown by handlers; the server turns it into Xero's response for that kind of failure. */
export class XeroHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'string' ? body : `HTTP ${status}`);
  }
}

export type Rec = Record<string, unknown>;

export interface ElementError {
  element: Rec;
  errors: string[];
}

export function validationException(elements: Rec[]): XeroHttpError {
  return new XeroHttpError(400, {
    ErrorNumber: 10,
    Type: 'ValidationException',
    Message: 'A validation exception occurred',
    Elements: elements,
  });
}

/** A single-element validation failure: the common case for one record written at a time. */
export function validationFailure(element: Rec, messages: string[]): XeroHttpError {
  return validationException([{ ...element, ValidationErrors: messages.map((Message) => ({ Message })) }]);
}

export function postDataInvalid(message: string): XeroHttpError {
  return new XeroHttpError(400, {
    ErrorNumber: 14,
    Type: 'PostDataInvalidException',
    Message: message,
  });
}

export function notFound(): XeroHttpError {
  return new XeroHttpError(404, NOT_FOUND_TEXT);
}

function problem(status: number, title: string, detail: string): Rec {
  return { Type: null, Title: title, Status: status, Detail: detail, Instance: randomUUID(), Extensions: {} };
}

export function unauthorized(detail: string): XeroHttpError {
  return new XeroHttpError(401, problem(401, 'Unauthorized', detail), {
    'www-authenticate': `Bearer error="invalid_token"`,
  });
}

export function forbidden(detail = 'AuthenticationUnsuccessful'): XeroHttpError {
  return new XeroHttpError(403, problem(403, 'Forbidden', detail));
}

export function sendXeroError(
  res: ServerResponse,
  err: XeroHttpError,
  extraHeaders: Record<string, string>,
): void {
  for (const [k, v] of Object.entries({ ...extraHeaders, ...err.headers })) {
    if (!res.headersSent) res.setHeader(k, v);
  }
  if (typeof err.body === 'string') sendText(res, err.status, err.body);
  else sendJson(res, err.status, err.body);
}
