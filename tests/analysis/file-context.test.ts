import type { AnyRuleContext } from "../../src/analysis/file-context.js";

import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

import { getFileContext, memoizeFile } from "../../src/analysis/file-context.js";

/** A rule context as the analysis reads it: a file's source code and the settings. */
function contextOf(code: string): AnyRuleContext {
  const linter = new Linter();
  linter.verify(code, {});
  return { sourceCode: linter.getSourceCode(), settings: {} } as unknown as AnyRuleContext;
}

describe("file context", () => {
  it("is one object for every rule of a file, with one memo", () => {
    const first = contextOf("a();");
    const second = { ...first } as AnyRuleContext;
    const file = getFileContext(first);
    expect(getFileContext(second)).toBe(file);
    expect(memoizeFile(file, "probe", () => 1)).toBe(1);
    expect(memoizeFile(getFileContext(second), "probe", () => 2)).toBe(1);
  });

  it("gives a tree asked about again, after another tree, a context of its own tree and a fresh memo", () => {
    const a = contextOf("a();");
    const b = contextOf("b();");
    memoizeFile(getFileContext(a), "probe", () => "a");
    memoizeFile(getFileContext(b), "probe", () => "b");
    const again = getFileContext(a);
    expect(again.sourceCode.ast).toBe(a.sourceCode.ast);
    expect(memoizeFile(again, "probe", () => "a again")).toBe("a again");
  });
});
