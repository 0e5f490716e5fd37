import type { Linter } from "eslint";

import tsParser from "@typescript-eslint/parser";
import { ESLint as ESLint10 } from "eslint";
import { ESLint as ESLint9 } from "eslint-v9";
import path from "node:path";
import { describe, expect, it } from "vitest";

import plugin from "../src/index.js";
import { FIXTURES_ROOT, listFixtureFiles, readExpectations } from "./fixture-expectations.js";

/**
 * End to end: lint `fixtures/` through the real ESLint class, on ESLint 10 and ESLint 9, with
 * and without type information, and require exactly the findings the fixtures declare.
 */
type ESLintClass = typeof ESLint10;

const files = listFixtureFiles();

type ConfigName = "recommended" | "strict" | "all";

function buildConfig(config: ConfigName, typed: boolean): Linter.Config[] {
  return [
    {
      files: ["**/*.ts", "**/*.tsx"],
      languageOptions: {
        parser: tsParser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: FIXTURES_ROOT } : {},
      },
    },
    plugin.configs[config],
  ];
}

async function lintFixtures(ESLint: ESLintClass, config: ConfigName, typed: boolean): Promise<string[]> {
  const eslint = new ESLint({
    cwd: FIXTURES_ROOT,
    overrideConfigFile: true,
    overrideConfig: buildConfig(config, typed),
  });
  const results = await eslint.lintFiles(files);
  const found: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      const file = path.relative(FIXTURES_ROOT, result.filePath);
      found.push(`${file}:${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`);
    }
  }
  return found.sort();
}

function expectedFor(config: ConfigName): string[] {
  const enabled = new Set(Object.keys(plugin.configs[config].rules ?? {}));
  return files
    .flatMap((file) => readExpectations(file, config))
    .filter((entry) => enabled.has(entry.split(" ")[1] ?? ""))
    .sort();
}

describe("fixtures", () => {
  it("hold the workshop code of the incidents, bad and fixed", () => {
    expect(files.some((file) => /(?:^|\/)bad\.[jt]sx?$/u.test(file))).toBe(true);
    expect(files.some((file) => /(?:^|\/)fixed\.[jt]sx?$/u.test(file))).toBe(true);
  });

  it("declare findings only in bad files, and every bad file declares some", () => {
    for (const file of files) {
      const declared = readExpectations(file);
      if (/(?:^|\/)fixed\.[^/]+$/u.test(file)) expect(declared, file).toEqual([]);
      if (/(?:^|\/)bad\.[^/]+$/u.test(file)) expect(declared.length, file).toBeGreaterThan(0);
    }
  });

  it("name only rules the plugin has", () => {
    const known = new Set(Object.keys(plugin.rules).map((name) => `postmortem/${name}`));
    for (const entry of files.flatMap((file) => readExpectations(file))) {
      expect(known.has(entry.split(" ")[1] ?? ""), entry).toBe(true);
    }
  });
});

describe.each([
  ["ESLint 10", ESLint10],
  ["ESLint 9", ESLint9 as unknown as ESLintClass],
])("end to end on %s", (_label, ESLint) => {
  for (const config of ["recommended", "strict", "all"] as const) {
    it(`configs.${config} reports exactly the declared findings (untyped)`, async () => {
      expect(await lintFixtures(ESLint, config, false)).toEqual(expectedFor(config));
    });
  }
});

describe("end to end with type information", () => {
  it("configs.all reports exactly the declared findings (typed)", async () => {
    expect(await lintFixtures(ESLint10, "all", true)).toEqual(expectedFor("all"));
  });
});
