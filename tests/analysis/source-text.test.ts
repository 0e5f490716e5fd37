import { describe, expect, it } from "vitest";

import { mayNameAny } from "../../src/analysis/source-text.js";

describe("mayNameAny: whether a file's text can name one of some names", () => {
  it("finds a name anywhere in the text", () => {
    expect(mayNameAny("new Schema({ at: { default: Date.now() } });", ["default"])).toBe(true);
    expect(mayNameAny("// the default is now\nconst x = 1;", ["default"])).toBe(true);
    expect(mayNameAny("@Default(uuid()) id;", ["default", "Default"])).toBe(true);
  });

  it("answers no for a text without the names or an escape", () => {
    expect(mayNameAny("const x = { value: 1 };", ["default", "Default"])).toBe(false);
    expect(mayNameAny("", ["default"])).toBe(false);
    // Escapes that spell no letter of a name.
    expect(mayNameAny('const s = "a\\tb\\n";', ["default"])).toBe(false);
    // An escaped backslash followed by `u` spells a backslash and a `u`.
    expect(mayNameAny('const s = "\\\\u0064efault";', ["default"])).toBe(false);
  });

  it("answers yes for an escape that could spell a name", () => {
    expect(mayNameAny("({ \\u0064efault: 1 });", ["default"])).toBe(true);
    expect(mayNameAny('({ "\\x64efault": 1 });', ["default"])).toBe(true);
    expect(mayNameAny('({ "\\144efault": 1 });', ["default"])).toBe(true);
    expect(mayNameAny('({ "def\\\nault": 1 });', ["default"])).toBe(true);
    expect(mayNameAny('({ "def\\\r\nault": 1 });', ["default"])).toBe(true);
    expect(mayNameAny('({ "def\\\u2028ault": 1 });', ["default"])).toBe(true);
  });
});
