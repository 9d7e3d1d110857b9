import { Type, type Static } from '@sinclair/typebox';
import { Strict } from './common.ts';

/** RFC 9457 problem details, with the fields that failed. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'the problem type: /problems/<slug>, a page of this server saying what it means and what to do' }),
    title: Type.String({ description: "the type's title, in the request's language" }),
    status: Type.Integer(),
    detail: Type.String({ description: "this occurrence, in the request's language" }),
    instance: Type.Optional(Type.String()),
    errors: Type.Array(Type.Object({ path: Type.String({ maxLength: 200 }), message: Type.String({ maxLength: 400 }) }, Strict), {
      maxItems: 10,
      description: 'the fields that failed, at most 10 (moreErrors counts the rest)',
    }),
    moreErrors: Type.Optional(Type.Integer({ minimum: 1, description: 'how many further errors were found and not listed' })),
  },
  { ...Strict, $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json), never more than a few KB' },
);
export type ProblemBody = Static<typeof ProblemSchema>;

/** One item of a batch answer: the answer, or the problem with that item alone. */
export const BatchItemSchema = Type.Union(
  [
    Type.Object({ index: Type.Integer(), ok: Type.Literal(true), answer: Type.Ref('Answer') }, Strict),
    Type.Object({ index: Type.Integer(), ok: Type.Literal(false), error: Type.Ref('Problem') }, Strict),
  ],
  { $id: 'BatchItem' },
);
