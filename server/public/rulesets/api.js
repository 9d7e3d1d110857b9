// @ts-check
// Talking to the API in the page's language: JSON in and out, problems (RFC 9457) as errors with their detail.
import { state } from '../state.js';

/** The Accept-Language for the page's language. */
export const acceptLanguage = () => (state.lang === 'zh' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en,zh-CN;q=0.5');

/** A problem answer, as an error whose message is its detail. */
export class ApiError extends Error {
  /** @param {number} status @param {string} message @param {{ path?: string, message?: string }[]} errors */
  constructor(status, message, errors) {
    super(message);
    this.status = status;
    this.errors = errors;
  }
}

/**
 * Sends a request and reads its JSON answer; a problem becomes an ApiError.
 * @param {string} url
 * @param {RequestInit} [init]
 * @returns {Promise<any>}
 */
export async function api(url, init = {}) {
  const res = await fetch(url, {
    ...init,
    headers: { accept: 'application/json, application/problem+json', 'accept-language': acceptLanguage(), ...(init.headers ?? {}) },
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.detail ?? `HTTP ${res.status}`, data?.errors ?? []);
  return data;
}

/** @param {string} url @param {unknown} body */
export const postJson = (url, body) => api(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A failure as a sentence. @param {unknown} err */
export const errorText = (err) => (err instanceof Error ? err.message : String(err));
