import { parse } from 'csv-parse/sync';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A multipart/form-data body as a browser sends it (undici's FormData encoder): the bytes and their content type. */
export async function form(
  fields: Record<string, string | { name: string; bytes: Buffer | string; type?: string }>,
): Promise<{ payload: Buffer; type: string }> {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') fd.append(key, value);
    else
      fd.append(
        key,
        new Blob([typeof value.bytes === 'string' ? value.bytes : new Uint8Array(value.bytes)], value.type ? { type: value.type } : {}),
        value.name,
      );
  }
  const encoded = new Response(fd);
  return { payload: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type') ?? '' };
}

/** POST /v1/evaluate/file with a form. */
export async function upload(app: FastifyInstance, fields: Parameters<typeof form>[0], headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const { payload, type } = await form(fields);
  return app.inject({ method: 'POST', url: '/v1/evaluate/file', payload, headers: { 'content-type': type, ...headers } });
}

export interface Status {
  id: string;
  state: 'running' | 'done' | 'failed';
  progress: { rowsDone: number; rowsTotal: number | null; failed: number; percent: number };
  summary?: {
    rows: number;
    evaluated: number;
    failed: number;
    mustAudit: number;
    overdue: number;
    missed: number;
    status: Record<string, number>;
    byCity: { key: string; rows: number }[];
    byIndustry: { key: string; rows: number }[];
    failures: { row: number; id: string | null; error: string }[];
  };
  error?: { status: number; type: string; detail: string; errors: { path: string; message: string }[] };
  links: { self: string; result: string };
}

/** Follows a job until it is no longer running (polling as the page does). */
export async function settled(app: FastifyInstance, location: string, timeoutMs = 30_000): Promise<Status> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await app.inject({ method: 'GET', url: location });
    if (r.statusCode !== 200) throw new Error(`GET ${location}: ${r.statusCode} ${r.body}`);
    const status = r.json() as Status;
    if (status.state !== 'running') return status;
    if (Date.now() > until) throw new Error(`job ${location} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A CSV's records as arrays of cells (csv-parse, as the reader uses it). */
export const csvRows = (text: string): string[][] => parse(text, { bom: true, skip_empty_lines: true }) as string[][];
