import type { TSchema } from '@sinclair/typebox';
import { ProfileSchema } from './profile.ts';

/** Whether `a.b.c` names a field of the profile schema. */
export function profileHasPath(segments: readonly string[]): boolean {
  let schema: TSchema | undefined = ProfileSchema;
  for (const seg of segments) {
    const props: Record<string, TSchema> | undefined = (schema as { properties?: Record<string, TSchema> } | undefined)?.properties;
    schema = props?.[seg];
    if (!schema) return false;
  }
  return true;
}
