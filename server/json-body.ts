import type { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';
import { type Bilingual, bilingualDetail, type ErrorDetail } from '../engine/index.ts';
import { SERVER_TEXT as T } from './problems/messages.ts';

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
    /** The message in both languages (the problem's detail, in the request's language). */
    readonly text: Bilingual,
    readonly errors: ErrorDetail[],
  ) {
    super(text.en);
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
        return new RequestBodyError('STRING_TOO_LONG', T.stringTooLong(path, value.length, limits.maxString), [
          bilingualDetail(path, T.stringTooLongField(value.length, limits.maxString)),
        ]);
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) {
      const path = pathOf(frame);
      return new RequestBodyError('BODY_TOO_DEEP', T.tooDeep(path, depth, limits.maxDepth), [bilingualDetail(path, T.tooDeepField(limits.maxDepth))]);
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
        return new RequestBodyError('FORBIDDEN_KEY', T.forbiddenKey(path, key), [bilingualDetail(path, T.forbiddenKeyField(key))]);
      }
      if (key.length > limits.maxString) {
        const path = pathOf(frame, key);
        return new RequestBodyError('STRING_TOO_LONG', T.keyTooLong(path, key.length, limits.maxString), [
          bilingualDetail(path, T.keyTooLongField(key.length, limits.maxString)),
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
    throw new RequestBodyError('EMPTY_JSON', T.emptyBody, [bilingualDetail('(body)', T.emptyBodyField)]);
  }
  let parsed: unknown;
  try {
    parsed = sjson.parse(text, null, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    const message = (e as Error).message;
    if (/forbidden prototype property/i.test(message)) {
      // Plain JSON.parse keeps "__proto__" as an own data property (no pollution): used only to name where it is.
      const located = checkBody(JSON.parse(text), { maxString: Number.POSITIVE_INFINITY, maxDepth: Number.POSITIVE_INFINITY });
      throw located ?? new RequestBodyError('FORBIDDEN_KEY', T.forbiddenPrototype, [bilingualDetail('(body)', T.forbiddenPrototypeField)]);
    }
    throw new RequestBodyError('INVALID_JSON', T.invalidJson(message), [bilingualDetail('(body)', T.invalidJsonField(message))]);
  }
  const problem = checkBody(parsed, limits);
  if (problem) throw problem;
  return parsed;
}

/** A body in a character set other than UTF-8 (RFC 8259: JSON exchanged between systems is UTF-8): 415. */
export class CharsetError extends Error {
  readonly statusCode = 415;
  readonly code = 'UNSUPPORTED_CHARSET';
  readonly text: Bilingual;
  constructor(readonly charset: string) {
    const text = T.charset(charset.slice(0, 40));
    super(text.en);
    this.text = text;
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
    throw new RequestBodyError('INVALID_UTF8', T.invalidUtf8(at), [bilingualDetail('(body)', T.invalidUtf8Field(at))]);
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
