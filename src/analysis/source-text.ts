/**
 * A backslash that can spell a character of a name: a Unicode escape in an identifier
 * (`\u0064efault`), or an escape or line continuation in a string or template key (`"\x64efault"`,
 * `"\144efault"`), whose cooked value is what `getStaticPropertyName` reads.
 */
const NAME_ESCAPE = /\\[ux0-7\r\n\u2028\u2029]/u;

/**
 * Whether the file's text may name one of `names` as code: it holds one of them, or an escape
 * that could spell one. A file whose text does neither has no identifier, property key, method or
 * decorator of these names, so a rule that needs one can skip the file with one search of its
 * text, before any listener runs. Mentions in comments and strings count: never a miss, only a
 * file looked at for nothing.
 */
export function mayNameAny(text: string, names: Iterable<string>): boolean {
  for (const name of names) if (text.includes(name)) return true;
  return NAME_ESCAPE.test(text);
}
