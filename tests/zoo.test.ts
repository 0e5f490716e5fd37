import type { Linter } from "eslint";

import tsParser from "@typescript-eslint/parser";
import { ESLint as ESLint10 } from "eslint";
import { ESLint as ESLint9 } from "eslint-v9";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import plugin from "../src/index.js";
import { listFixtureFiles, readExpectations } from "./fixture-expectations.js";

/**
 * The syntax zoo: every rule of `configs.all` runs over every file of `tests/zoo/` through the
 * real ESLint class, without type information (espree for JavaScript, @typescript-eslint/parser
 * for TypeScript) and with it (a project service over `tests/zoo/tsconfig.json`, which includes
 * the JavaScript files too through `allowJs`, so every zoo file is linted typed, `.cjs`/`.mjs`
 * included). No file may fail to parse, no rule may throw, and each file reports exactly the
 * findings it declares with `// expect: postmortem/<rule>` (the zoo is not inert); a finding
 * written `postmortem/<rule> (typed)` needs the type checker and is expected only typed.
 */
type ESLintClass = typeof ESLint10;

const ZOO_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "zoo");
const files = listFixtureFiles(ZOO_ROOT);
const RULE_IDS = new Set(Object.keys(plugin.rules).map((name) => `postmortem/${name}`));

const TS_FILES = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];
const JS_FILES = ["**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"];

function buildConfig(typed: boolean): Linter.Config[] {
  const typedOptions = { projectService: true, tsconfigRootDir: ZOO_ROOT };
  return [
    { files: ["**/*.jsx"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: TS_FILES, languageOptions: { parser: tsParser, parserOptions: typed ? typedOptions : {} } },
    ...(typed ? [{ files: JS_FILES, languageOptions: { parser: tsParser, parserOptions: typedOptions } }] : []),
    plugin.configs.all,
  ];
}

function createLinter(ESLint: ESLintClass, typed: boolean): InstanceType<ESLintClass> {
  return new ESLint({ cwd: ZOO_ROOT, overrideConfigFile: true, overrideConfig: buildConfig(typed) });
}

const TYPED_ONLY = / \(typed\)$/u;

/** The `file:line rule` findings `file` declares, in a typed or an untyped run. */
function expectedFor(file: string, typed: boolean): string[] {
  return readExpectations(file, "all", ZOO_ROOT)
    .filter((entry) => typed || !TYPED_ONLY.test(entry))
    .map((entry) => entry.replace(TYPED_ONLY, ""))
    .sort();
}

const modes: [string, boolean, () => InstanceType<ESLintClass>][] = [
  ["untyped, ESLint 10", false, () => createLinter(ESLint10, false)],
  ["typed, ESLint 10", true, () => createLinter(ESLint10, true)],
  ["untyped, ESLint 9", false, () => createLinter(ESLint9, false)],
];

describe("the syntax zoo", () => {
  it("holds every kind of file and findings to assert", () => {
    const extensions = new Set(files.map((file) => path.extname(file)));
    for (const extension of [".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".cts"]) expect(extensions, extension).toContain(extension);
    const declared = files.flatMap((file) => expectedFor(file, false));
    expect(declared.length).toBeGreaterThanOrEqual(10);
    expect(new Set(declared.map((entry) => entry.split(" ")[1])), "every rule has a zoo finding").toEqual(RULE_IDS);
  });
});

describe.each(modes)("every rule over the syntax zoo (%s)", (_mode, typed, create) => {
  const eslint = create();

  it.each(files)("%s: parses, no rule throws, exactly the declared findings", async (file) => {
    const linting = eslint.lintFiles([file]);
    await expect(linting).resolves.toHaveLength(1);
    const [result] = await linting;
    const messages = result?.messages ?? [];
    expect(messages.filter((message) => message.fatal === true || message.ruleId === null).map((message) => message.message)).toEqual([]);
    for (const message of messages) expect(RULE_IDS.has(message.ruleId ?? ""), `${message.ruleId}: ${message.message}`).toBe(true);
    const found = messages.map((message) => `${file}:${message.line} ${message.ruleId}`).sort();
    expect(found).toEqual(expectedFor(file, typed));
  });
});
