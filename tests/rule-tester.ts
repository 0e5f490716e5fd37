import type { InvalidTestCase, RuleTesterConfig, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { TSESLint } from "@typescript-eslint/utils";

import { RuleTester } from "@typescript-eslint/rule-tester";
import * as espree from "espree";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;

/**
 * The language of a case comes from its `filename`'s extension: `file.js`/`file.jsx`/`file.cjs`
 * cases are JavaScript (`file.cjs` CommonJS), the rest TypeScript (`file.ts` when none is given).
 */
export interface RuleCases<MessageIds extends string, Options extends readonly unknown[]> {
  valid: (ValidTestCase<Options> | string)[];
  invalid: InvalidTestCase<MessageIds, Options>[];
}

const JS_EXTENSION = /\.(?:[cm]?js|jsx)$/u;

/**
 * Runs every case twice: without type information (JavaScript through ESLint's default parser,
 * espree; TypeScript through @typescript-eslint/parser) and with it (a project service over
 * `tests/fixtures`, where every case is linted as `file.ts` or `file.tsx`, or `file.test.ts`
 * when its filename names a test file).
 */
export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  cases: RuleCases<MessageIds, Options>,
): void {
  const untyped = new RuleTester(baseConfig());
  untyped.run(`${name} (untyped)`, rule, {
    valid: cases.valid.map((item) => untypedCase(typeof item === "string" ? { code: item } : item)),
    invalid: cases.invalid.map((item) => untypedCase(item)),
  });

  const typed = new RuleTester({
    ...baseConfig(),
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: FIXTURES_DIR,
      },
    },
  });
  typed.run(`${name} (typed)`, rule, {
    valid: cases.valid.map((item) => typedCase(typeof item === "string" ? { code: item } : item)),
    invalid: cases.invalid.map((item) => typedCase(item)),
  });
}

function baseConfig(): RuleTesterConfig {
  return { languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } };
}

function untypedCase<T extends ValidTestCase<readonly unknown[]>>(item: T): T {
  const filename = item.filename ?? "file.ts";
  if (!JS_EXTENSION.test(filename)) return { ...item, filename: path.join(FIXTURES_DIR, "untyped", path.basename(filename)) };
  // A `.cjs` file is CommonJS, as in ESLint's defaults: its module-level names live in the function scope Node wraps it in.
  const sourceType = filename.endsWith(".cjs") ? { sourceType: "commonjs" } : {};
  return {
    ...item,
    filename: path.join(FIXTURES_DIR, "untyped", path.basename(filename)),
    languageOptions: {
      ...item.languageOptions,
      ...sourceType,
      parser: espree as unknown as NonNullable<NonNullable<T["languageOptions"]>["parser"]>,
      parserOptions: { ecmaFeatures: { jsx: true }, ...item.languageOptions?.parserOptions },
    },
  };
}

function typedCase<T extends ValidTestCase<readonly unknown[]>>(item: T): T {
  const filename = item.filename ?? "file.ts";
  if (/\.test\.[cm]?[jt]s$/u.test(filename)) return { ...item, filename: path.join(FIXTURES_DIR, "file.test.ts") };
  const jsx = /x$/u.test(filename);
  return { ...item, filename: path.join(FIXTURES_DIR, jsx ? "file.tsx" : "file.ts") };
}

export type { AnyRule };
