/** A text in both languages of the page and the answers. */
export interface Names {
  readonly zh: string;
  readonly en: string;
}

/** A profile field's label and, where the label alone does not say enough, a hint shown under it: both in zh and en. */
export interface FieldText {
  readonly label: Names;
  readonly hint?: Names;
}

/** `field('地级市', 'Prefecture city', ['广东省21个地级市之一', "one of Guangdong's 21 prefecture-level cities"])` */
export const field = (zh: string, en: string, hint?: readonly [zh: string, en: string]): FieldText =>
  hint ? { label: { zh, en }, hint: { zh: hint[0], en: hint[1] } } : { label: { zh, en } };

/** Pinyin key → its English name: `foshan` → `Foshan`, `guangfo-cross-boundary` → `Guangfo-cross-boundary`. */
export const pinyinName = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);
