import { Type } from '@sinclair/typebox';
import { PROBLEM_BASE, PROBLEM_SLUGS, PROBLEMS } from './problems/catalog.ts';

/** The statuses a problem document may have (each has at least one type in problems/catalog.ts). */
export type ProblemStatus = 400 | 404 | 408 | 413 | 414 | 415 | 429 | 431 | 500 | 503;

const describe = (status: ProblemStatus) => {
  const slugs = PROBLEM_SLUGS.filter((s) => PROBLEMS[s].status === status);
  return `${PROBLEMS[slugs[0]!].title.en} (application/problem+json, in the request's language); type one of ${slugs.map((s) => `${PROBLEM_BASE}${s}`).join(', ')}`;
};

/** The problem responses a route declares, as application/problem+json with the shared Problem schema. */
export function problems(...statuses: ProblemStatus[]): Record<number, unknown> {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: describe(status), content: { 'application/problem+json': { schema: Type.Ref('Problem') } } }]),
  );
}

/** Every JSON-body route: invalid input, body too large, not JSON or compressed, rate limited, internal error. */
export const BODY_PROBLEMS: ProblemStatus[] = [400, 413, 415, 429, 500];
/** Every GET route with parameters: invalid parameters, a URL too long, rate limited, internal error. */
export const GET_PROBLEMS: ProblemStatus[] = [400, 414, 429, 500];
