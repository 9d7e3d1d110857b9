import type { FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { type Lang, MESSAGES } from '../engine/index.ts';
import { type Normalization, normalizeProfile } from '../schemas/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Names in the request's profile read as keys before validation (normalize.ts); null when none was. */
    normalized: Normalization[] | null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * An evaluate request (or any object with a `profile`) with the profile's place and industry names read as keys
 * (佛山市 → foshan, 陶瓷 → ceramics): a copy where a name was read, the same object otherwise. The notes name profile
 * paths (`location.city`), as the answer's warnings do.
 */
export function normalizeRequest<T>(body: T): { body: T; notes: Normalization[] } {
  if (!isRecord(body) || !('profile' in body)) return { body, notes: [] };
  const { profile, notes } = normalizeProfile(body.profile);
  return notes.length === 0 ? { body, notes } : { body: { ...body, profile } as T, notes };
}

/** Most `normalized` warnings an impact report lists (one per distinct name and field). */
const IMPACT_NOTES = 20;

/**
 * The preValidation step of a route whose body holds a profile: the names are read as keys before the schema judges
 * the body, so the schema, the engine and the receipt all see the profile as evaluated. `where` says where the
 * profile is: the body itself (`{profile}`: evaluate, timeline), its evaluate request (`{request: {profile}}`: what-if,
 * verify), or a list of profiles (`{profiles: []}`: impact).
 */
export function normalizeStep(where: 'body' | 'request' | 'profiles'): preValidationAsyncHookHandler {
  return async (request) => {
    const body = request.body;
    if (!isRecord(body)) return;
    if (where === 'body') {
      const r = normalizeRequest(body);
      request.body = r.body;
      request.normalized = r.notes;
    } else if (where === 'request') {
      const r = normalizeRequest(body.request);
      if (r.notes.length > 0) request.body = { ...body, request: r.body };
      request.normalized = r.notes;
    } else if (Array.isArray(body.profiles)) {
      const notes: Normalization[] = [];
      const seen = new Set<string>();
      const profiles = body.profiles.map((p, i) => {
        const r = normalizeProfile(p, `profiles[${i}]`);
        for (const n of r.notes) {
          const key = `${n.path.replace(/^profiles\[\d+\]/, '')}|${n.given}|${n.key}`;
          if (!seen.has(key) && notes.length < IMPACT_NOTES) notes.push(n);
          seen.add(key);
        }
        return r.notes.length > 0 ? r.profile : p;
      });
      request.body = { ...body, profiles };
      request.normalized = notes;
    }
  };
}

/** The `normalized` warnings of a request, in `lang` (for the responses that are not answers: timeline, verify, impact). */
export function normalizedWarnings(request: FastifyRequest, lang: Lang): { code: 'normalized'; path: string; message: string }[] {
  return (request.normalized ?? []).map((n) => ({ code: 'normalized', path: n.path, message: MESSAGES.normalized[lang](n.path, n.given, n.key) }));
}
