/**
 * Types for `html-to-text` 10, which ships none. Only what sgbot uses.
 * Remove this file if `@types/html-to-text` is added to the project.
 */
declare module 'html-to-text' {
  /** Converts HTML to plain text. See https://github.com/html-to-text/node-html-to-text#options */
  export function convert(html: string, options?: Record<string, unknown>): string;
  /** Compiles `options` once into a converter (what `convert` does on every call). */
  export function compile(options?: Record<string, unknown>): (html: string) => string;
}
