/**
 * `RegExp.escape` (ES2025; in Node since 24, which sgbot requires): the declaration TypeScript's ES2023 library does
 * not have yet. It escapes every character that has a meaning in a pattern, so the text matches only itself.
 */
interface RegExpConstructor {
  escape(text: string): string;
}
