import type * as ESLintModule from "eslint";

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The package as users get it: loaded by its name (through `exports`, from the built dist/),
 * run under ESLint 10 and ESLint 9, and typed well enough for `defineConfig` in an
 * `eslint.config.ts`. `npm test` builds before it runs this.
 */
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const BAD = 'async function f(ids) { const out = []; for (const id of ids) { out.push(await fetch(`/u/${id}`).then((r) => r.json())); } return out; }\nexport async function g(url) { const res = await fetch(url); return { data: res.json() }; }\n';

describe("the built package", () => {
  it("exists (npm test builds it first)", () => {
    expect(fs.existsSync(path.join(ROOT, "dist", "src", "index.js"))).toBe(true);
  });

  it.each([
    ["ESLint 10", "eslint"],
    ["ESLint 9", "eslint-v9"],
  ])("loads by its package name under %s and lints with configs.all", async (_label, eslintPackage) => {
    const { default: plugin } = (await import("eslint-plugin-postmortem")) as { default: { configs: Record<string, object>; rules: Record<string, unknown> } };
    const { Linter } = (await import(eslintPackage)) as typeof ESLintModule;
    expect(Object.keys(plugin.rules).length).toBeGreaterThan(0);
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(BAD, [plugin.configs.all as never], "bad.js");
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.every((message) => message.ruleId?.startsWith("postmortem/"))).toBe(true);
  });
});

describe("types for users' eslint.config.ts", () => {
  const require = createRequire(import.meta.url);
  const check = (file: string): string[] => {
    const program = ts.createProgram([path.join(ROOT, "tests", "types", file)], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  };

  it("resolves the package's types through exports", () => {
    expect(require.resolve("eslint-plugin-postmortem/package.json")).toBe(path.join(ROOT, "package.json"));
  });

  it("type-checks defineConfig([postmortem.configs.recommended])", () => {
    expect(check("eslint.config.ts")).toEqual([]);
  });

  it("rejects a config that does not exist (the check can fail)", () => {
    expect(check("bad-config.ts").join("\n")).toMatch(/nope/u);
  });
});
