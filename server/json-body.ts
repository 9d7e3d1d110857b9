import type { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';

/** Keys never accepted anywhere in a body: they pollute prototypes in careless consumers. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface BodyLimits {
  /** Longest string (value or key), in characters. */
  maxString: number;
  /** Deepest nesting of arrays and objects (the body itself is depth 1). */
  maxDepth: number;
}

/** A JSON body the server refuses before validation: 400 problem+json naming where (see problem.ts). */
export class RequestBodyError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly code: 'BODY_TOO_DEEP' | 'STRING_TOO_LONG' | 'FORBIDDEN_KEY' | 'INVALID_JSON' | 'EMPTY_JSON' | 'INVALID_UTF8',
    message: string,
    readonly errors: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'RequestBodyError';
  }
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | undefined;
  key: string | number | undefined;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The path of a frame in the style of the validation errors: `profile.industry.keys[0]`, `[2].profile`, `(body)` for the root. */
function pathOf(frame: Frame, lastKey?: string): string {
  const parts: (string | number)[] = lastKey === undefined ? [] : [lastKey];
  for (let f: Frame | undefined = frame; f && f.key !== undefined; f = f.parent) parts.unshift(f.key);
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (IDENT.test(p) && p.length <= 40) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(clip(p))}]`;
  }
  return out || '(body)';
}

/**
 * One iterative walk (no recursion, so no stack overflow however deep the input): the first node deeper than
 * maxDepth, string longer than maxString or forbidden key is reported with its path. Returns undefined when fine.
 */
export function checkBody(body: unknown, limits: BodyLimits): RequestBodyError | undefined {
  const stack: Frame[] = [{ value: body, depth: 1, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (typeof value === 'string') {
      if (value.length > limits.maxString) {
        const path = pathOf(frame);
        return new RequestBodyError(
          'STRING_TOO_LONG',
          `${path}: a string of ${value.length} characters; at most ${limits.maxString} are accepted (MAX_STRING)`,
          [{ path, message: `must be at most ${limits.maxString} characters (has ${value.length})` }],
        );
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) {
      const path = pathOf(frame);
      return new RequestBodyError('BODY_TOO_DEEP', `${path}: nested ${depth} levels deep; at most ${limits.maxDepth} are accepted (MAX_DEPTH)`, [
        { path, message: `nesting deeper than ${limits.maxDepth} levels` },
      ]);
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1, parent: frame, key: i });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (FORBIDDEN_KEYS.has(key)) {
        const path = pathOf(frame, key);
        return new RequestBodyError('FORBIDDEN_KEY', `${path}: the key '${key}' is not accepted anywhere in a request`, [
          { path, message: `forbidden key '${key}'` },
        ]);
      }
      if (key.length > limits.maxString) {
        const path = pathOf(frame, key);
        return new RequestBodyError('STRING_TOO_LONG', `${path}: a key of ${key.length} characters; at most ${limits.maxString} are accepted (MAX_STRING)`, [
          { path, message: `key must be at most ${limits.maxString} characters (has ${key.length})` },
        ]);
      }
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

/**
 * Parses a JSON body: secure-json-parse with __proto__ and constructor.prototype as errors, then the single walk for
 * depth, string length and the forbidden keys (constructor and prototype are refused anywhere, not only as a pair).
 */
export function parseJsonBody(text: string, limits: BodyLimits): unknown {
  if (text.length === 0 || /^\s*$/.test(text)) {
    throw new RequestBodyError('EMPTY_JSON', 'the body is empty: send a JSON document', [{ path: '(body)', message: 'empty body' }]);
  }
  let parsed: unknown;
  try {
    parsed = sjson.parse(text, null, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    const message = (e as Error).message;
    if (/forbidden prototype property/i.test(message)) {
      // Plain JSON.parse keeps "__proto__" as an own data property (no pollution): used only to name where it is.
      const located = checkBody(JSON.parse(text), { maxString: Number.POSITIVE_INFINITY, maxDepth: Number.POSITIVE_INFINITY });
      throw (
        located ?? new RequestBodyError('FORBIDDEN_KEY', 'the body contains a forbidden prototype property', [{ path: '(body)', message: 'forbidden key' }])
      );
    }
    throw new RequestBodyError('INVALID_JSON', `the body is not valid JSON: ${message}`, [{ path: '(body)', message: `not valid JSON: ${message}` }]);
  }
  const problem = checkBody(parsed, limits);
  if (problem) throw problem;
  return parsed;
}

/** A body in a character set other than UTF-8 (RFC 8259: JSON exchanged between systems is UTF-8): 415. */
export class CharsetError extends Error {
  readonly statusCode = 415;
  readonly code = 'UNSUPPORTED_CHARSET';
  constructor(readonly charset: string) {
    super(`the body's charset is '${charset.slice(0, 40)}': JSON bodies must be UTF-8 (send charset=utf-8 or no charset)`);
    this.name = 'CharsetError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body's text: UTF-8 only, checked byte by byte (an invalid sequence is a 400, never silently replaced). */
export function decodeBody(bytes: Buffer, contentType: string | undefined): string {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) throw new CharsetError(charset);
  try {
    return utf8.decode(bytes);
  } catch {
    // Where: the first byte at which the text re-encoded (invalid sequences become U+FFFD) differs from the body.
    const again = Buffer.from(bytes.toString('utf8'), 'utf8');
    let at = 0;
    while (at < bytes.length && bytes[at] === again[at]) at++;
    throw new RequestBodyError('INVALID_UTF8', `the body is not valid UTF-8 (first invalid byte near offset ${at})`, [
      { path: '(body)', message: `not valid UTF-8 near byte ${at}` },
    ]);
  }
}

/** Replaces fastify's JSON parser (and drops text/plain, so a body is only ever JSON: 415 otherwise). */
export function installJsonParser(app: FastifyInstance, limits: BodyLimits): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseJsonBody(decodeBody(body as Buffer, request.headers['content-type']), limits));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
