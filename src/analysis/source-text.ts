/**
 * Whether the file's text may name one of `names` as code: it holds one of them, or an escape
 * that could spell one. A file whose text does neither has no identifier, property key, method or
 * decorator of these names, so a rule that needs one can skip the file with one search of its
 * text, before any listener runs. Mentions in comments and strings count: never a miss, only a
 * file looked at for nothing.
 */
export function mayNameAny(text: string, names: Iterable<string>): boolean {
  for (const name of names) if (text.includes(name)) return true;
  return hasNameEscape(text);
}

/**
 * Minified or bundled output checked into the source (fonoster's generated Prisma client,
 * `src/generated/@prisma/client/runtime/library.js`: 147 lines, 44 kB on one of them): whole
 * modules on a line, on average more than 250 characters a line in a file over 10 kB (the lines
 * ESLint has already split, so the test costs nothing). Nobody
 * edits it, and its findings name variables like `ks` in functions like `at()`. Hand-written
 * code averages under 50.
 */
export function isMinifiedText(text: string, lineCount: number): boolean {
  return text.length > MINIFIED_MIN_LENGTH && text.length > lineCount * MINIFIED_LINE_LENGTH;
}

/**
 * A bundler's output chunk by its name: a content hash of eight or more hexadecimal digits, letters
 * and digits mixed, before `.js` (cryptpad's vendored `zenuml-definition-b4b159b2.js`, 29 000
 * lines of bundled mermaid; webpack's `main.3b5c2f1a.js`). Nobody edits it: it is rebuilt.
 */
export function isBundlerChunkName(filename: string): boolean {
  return CHUNK_NAME.test(filename);
}

const CHUNK_NAME = /[.-](?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\.[cm]?js$/u;

const MINIFIED_MIN_LENGTH = 10_000;
const MINIFIED_LINE_LENGTH = 250;

/**
 * A backslash that can spell a character of a name: a Unicode escape in an identifier
 * (`\u0064efault`), or an escape or line continuation in a string or template key (`"\x64efault"`,
 * `"\144efault"`), whose cooked value is what `getStaticPropertyName` reads. A loop over the
 * backslashes: most files have none, and a regular expression with a class after the backslash
 * cost several times a plain search.
 */
function hasNameEscape(text: string): boolean {
  // The character after a backslash is escaped by it: the next escape starts after that one.
  for (let index = text.indexOf("\\"); index !== -1; index = text.indexOf("\\", index + 2)) {
    const next = text.charCodeAt(index + 1);
    if (next === U || next === X || (next >= ZERO && next <= SEVEN) || next === LINE_FEED || next === CARRIAGE_RETURN || next === LINE_SEPARATOR || next === PARAGRAPH_SEPARATOR) return true;
  }
  return false;
}

const U = 0x75;
const X = 0x78;
const ZERO = 0x30;
const SEVEN = 0x37;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const LINE_SEPARATOR = 0x2028;
const PARAGRAPH_SEPARATOR = 0x2029;
