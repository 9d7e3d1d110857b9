/** A sentence a person reads, in both languages an answer may speak. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** One field an error names: the path, the English message, and both languages where the engine words them. */
export interface ErrorDetail {
  path: string;
  message: string;
  text?: Bilingual;
}

/** Named errors with stable codes; the server and CLI map them to problem responses and exit codes. */
export class CleanprodError extends Error {
  /** The message in both languages, where it was given in both (the server answers in the request's language). */
  readonly text: Bilingual | undefined;
  constructor(
    readonly code: string,
    message: string | Bilingual,
    readonly details: ErrorDetail[] = [],
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.name = new.target.name;
    this.text = typeof message === 'string' ? undefined : message;
  }
}

/** The message of an error or detail in a language: its own wording there, else the English one. */
export function messageIn(e: { message: string; text?: Bilingual | undefined }, lang: 'zh' | 'en'): string {
  return e.text?.[lang] ?? e.message;
}

/** A detail worded in both languages (message is the English one). */
export const bilingualDetail = (path: string, text: Bilingual): ErrorDetail => ({ path, message: text.en, text });

const list = (items: readonly string[], lang: 'zh' | 'en') => items.join(lang === 'zh' ? '、' : ', ');

/**
 * The engine's error sentences that reach a person (an unknown rule set or version, audit facts that contradict each
 * other), in both languages. The English ones are those the engine has always given.
 */
export const ERROR_TEXT = {
  unknownRuleSet: (id: string, known: readonly string[]): Bilingual => ({
    en: `unknown rule set '${id}' (known: ${list(known, 'en')})`,
    zh: `没有规则集「${id}」（现有：${list(known, 'zh')}）`,
  }),
  unknownVersion: (id: string, version: string, known: readonly string[]): Bilingual => ({
    en: `rule set ${id} has no version ${version} (has ${list(known, 'en')})`,
    zh: `规则集 ${id} 没有版本 ${version}（现有版本：${list(known, 'zh')}）`,
  }),
  acceptedBeforeCompleted: (completedOn: string, acceptedOn: string): Bilingual => ({
    en: `must be on or after the round's completedOn (${completedOn}), got ${acceptedOn}`,
    zh: `不得早于该轮审核的完成日期 completedOn（${completedOn}），填写的是 ${acceptedOn}`,
  }),
  lastCompletedNotLatest: (latest: string | null, given: string | null): Bilingual => ({
    en: `must be the latest of audit.rounds (${latest ?? 'null: no rounds'}), got ${given ?? 'null'}; give one of the two, or make them agree`,
    zh: `须为 audit.rounds 中最晚的一轮（${latest ?? 'null：没有任何一轮'}），填写的是 ${given ?? 'null'}；两者只填其一，或使二者一致`,
  }),
  listedFalseWithDates: (): Bilingual => ({
    en: 'is false (not listed), but a listing date or deadline is given: remove them, or remove listed: false',
    zh: '为 false（未列入名单），却填写了列入日期或期限：删去这些日期，或删去 listed: false',
  }),
  deadlineBeforeListing: (listedOn: string, deadline: string): Bilingual => ({
    en: `must be on or after listedOn (${listedOn}), got ${deadline}`,
    zh: `不得早于列入日期 listedOn（${listedOn}），填写的是 ${deadline}`,
  }),
  inconsistentAudit: (errors: readonly ErrorDetail[]): Bilingual => ({
    en: `inconsistent audit facts: ${errors.map((e) => `${e.path} ${e.text?.en ?? e.message}`).join('; ')}`,
    zh: `审核信息自相矛盾：${errors.map((e) => `${e.path} ${e.text?.zh ?? e.message}`).join('；')}`,
  }),
} as const;

/** The request asks for something the rule sets do not have (an unknown rule set or version). */
export class UnknownRuleSetError extends CleanprodError {
  constructor(message: string | Bilingual, path: string) {
    super('UNKNOWN_RULESET', message, [typeof message === 'string' ? { path, message } : bilingualDetail(path, message)]);
  }
  /** An unknown rule set at `path`, naming the known ones. */
  static ruleSet(id: string, known: readonly string[], path: string): UnknownRuleSetError {
    return new UnknownRuleSetError(ERROR_TEXT.unknownRuleSet(id, known), path);
  }
  /** A rule set without that version at `path`, naming the versions it has. */
  static version(id: string, version: string, known: readonly string[], path: string): UnknownRuleSetError {
    return new UnknownRuleSetError(ERROR_TEXT.unknownVersion(id, version, known), path);
  }
}
/** Input failed schema validation. */
export class ValidationError extends CleanprodError {
  constructor(message: string | Bilingual, details: ErrorDetail[]) {
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
