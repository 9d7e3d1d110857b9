import { describe, it } from 'vitest';
import { completeProfilesAgree, DIFF_RUNS, LONG } from '../support/differential.ts';

describe('json-rules-engine is the reference semantics (the second half of the complete profiles)', () => {
  it(
    "on complete profiles, every distinct rule's effective condition (place, scope, own) decides the same, with the same because/whyNot leaves",
    () => completeProfilesAgree(Math.floor(DIFF_RUNS / 2)),
    LONG,
  );
});
