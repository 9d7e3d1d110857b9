/** Named errors with stable codes; the server and CLI map them to problem responses and exit codes. */
export class CleanprodError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
/** The request asks for something the rule sets do not have (an unknown rule set or version). */
export class UnknownRuleSetError extends CleanprodError {
  constructor(message: string, path: string) {
    super('UNKNOWN_RULESET', message, [{ path, message }]);
  }
}
/** Input failed schema validation. */
export class ValidationError extends CleanprodError {
  constructor(message: string, details: { path: string; message: string }[]) {
    super('INVALID_INPUT', message, details);
  }
}
/** Rules failed lint or could not be loaded. */
export class RuleLoadError extends CleanprodError {
  constructor(message: string, details: { path: string; message: string }[]) {
    super('INVALID_RULES', message, details);
  }
}
/** The reference engine and the three-valued evaluator disagreed: a bug, never the user's fault. */
export class EngineInconsistencyError extends CleanprodError {
  constructor(message: string) {
    super('ENGINE_INCONSISTENCY', message);
  }
}
