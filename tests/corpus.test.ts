import type { Linter as LinterTypes } from "eslint";

import tsParser from "@typescript-eslint/parser";
import { ESLint, Linter } from "eslint";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import plugin from "../src/index.js";
import { FIXTURES_ROOT, listFixtureFiles } from "./fixture-expectations.js";

/**
 * Robustness on real code nobody here wrote: `configs.all` over a corpus of the JavaScript that
 * ships in `node_modules` must never throw; every autofix, applied to a copy, must give code that
 * parses and that the rule does not want to fix again; every suggestion on the fixtures and the
 * syntax zoo must give code that parses and is not reported again in the same place.
 *
 * The corpus is a fixed sample (every Nth file, sorted, of a few large packages) so that
 * `npm test` stays fast. `POSTMORTEM_CORPUS=full` reads the benchmark's list, `bench/corpus.txt`
 * (or the file `POSTMORTEM_CORPUS_LIST` names; one path a line, relative to the repository, blank
 * lines and `#` comments skipped), when it exists. Files of the full list that do not parse are
 * counted and left out of the autofix pass; the sample must parse.
 */
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const ZOO_ROOT = path.join(ROOT, "tests", "zoo");
const TMP = path.join(ROOT, ".tmp", "corpus");
const FULL_LIST = path.resolve(ROOT, process.env.POSTMORTEM_CORPUS_LIST ?? path.join("bench", "corpus.txt"));

/** Package folders of the sample, and how many files each gives (at most). */
const SAMPLE_ROOTS = ["eslint/lib", "knex/lib", "sequelize/lib", "typeorm", "mongoose/lib", "ioredis/built", "@redis/client/dist"];
const PER_ROOT = 22;

const TS_FILES = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];
const SOURCE = /\.(?:[cm]?[jt]sx?)$/u;

const full = process.env.POSTMORTEM_CORPUS === "full" && fs.existsSync(FULL_LIST);
const corpus = full ? readFullList() : sampleFiles();
/** Several thousand files take minutes; the sample takes seconds. */
const TIMEOUT = full ? 60 * 60_000 : 60_000;

/** Every PER_ROOT-th `.js` file, sorted, of each sample root (nested `node_modules` left out). */
function sampleFiles(): string[] {
  return SAMPLE_ROOTS.flatMap((root) => {
    const files = walk(path.join(ROOT, "node_modules", root), /\.js$/u).sort();
    const stride = Math.max(1, Math.ceil(files.length / PER_ROOT));
    return files.filter((_file, index) => index % stride === 0);
  }).map((file) => path.relative(ROOT, file));
}

function readFullList(): string[] {
  return fs
    .readFileSync(FULL_LIST, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => path.relative(ROOT, path.resolve(ROOT, line)));
}

function walk(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules") found.push(...walk(full, pattern));
    else if (entry.isFile() && pattern.test(entry.name)) found.push(full);
  }
  return found;
}

/**
 * Where the copy of a file goes under `.tmp/corpus/`: out of any `node_modules` folder (ESLint
 * ignores those), and a CommonJS `.js` renamed `.cjs` so that ESLint parses it as a script,
 * as Node would run it (the nearest package.json decides).
 */
function copyPath(file: string): string {
  const relative = file
    .split(path.sep)
    .map((segment) => (segment === "node_modules" ? "_modules" : segment))
    .join(path.sep);
  const renamed = relative.endsWith(".js") && getModuleType(path.join(ROOT, file)) === "commonjs" ? relative.replace(/\.js$/u, ".cjs") : relative;
  return path.join(TMP, renamed);
}

function getModuleType(file: string): "module" | "commonjs" {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!fs.existsSync(manifest)) continue;
    return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { type?: string }).type === "module" ? "module" : "commonjs";
  }
  return "commonjs";
}

/** `configs.all`, untyped: espree for JavaScript, @typescript-eslint/parser for TypeScript. Inline config comments of the corpus are ignored. */
function buildConfig(): LinterTypes.Config[] {
  return [
    { files: ["**/*.jsx"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: TS_FILES, languageOptions: { parser: tsParser } },
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" } },
    plugin.configs.all,
  ];
}

function createESLint(fix: boolean): ESLint {
  return new ESLint({ cwd: TMP, overrideConfigFile: true, overrideConfig: buildConfig(), fix });
}

function fatalMessages(messages: readonly LinterTypes.LintMessage[]): string[] {
  return messages.filter((message) => message.fatal === true).map((message) => `${message.line}:${message.column} ${message.message}`);
}

/** Lints each file on its own, so that a rule that throws names the file it threw on. */
async function lintEach(eslint: ESLint, files: readonly string[]): Promise<{ results: ESLint.LintResult[]; thrown: string[] }> {
  const results: ESLint.LintResult[] = [];
  const thrown: string[] = [];
  for (const file of files) {
    try {
      results.push(...(await eslint.lintFiles([file])));
    } catch (error) {
      thrown.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { results, thrown };
}

// The fixtures and the zoo join the corpus for the autofix pass: they hold the findings that fix.
const fixtureFiles = listFixtureFiles().map((file) => path.relative(ROOT, path.join(FIXTURES_ROOT, file)));
const zooFiles = listFixtureFiles(ZOO_ROOT).map((file) => path.relative(ROOT, path.join(ZOO_ROOT, file)));
const fixSet = [...new Set([...corpus, ...fixtureFiles, ...zooFiles])];
const copies = new Map(fixSet.map((file) => [file, copyPath(file)]));

beforeAll(() => {
  fs.rmSync(TMP, { recursive: true, force: true });
  for (const [file, copy] of copies) {
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), copy);
  }
});

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe(`configs.all over the ${full ? "full corpus (bench/corpus.txt)" : "corpus sample"}`, () => {
  const corpusCopies = corpus.map((file) => copies.get(file)!);
  let unparsed = new Set<string>();

  it("is a fixed list of real files, each with its own copy", () => {
    expect(corpus.length).toBeGreaterThan(full ? 0 : 100);
    expect(new Set(corpus).size).toBe(corpus.length);
    expect(new Set(copies.values()).size).toBe(copies.size);
    for (const file of corpus) expect(SOURCE.test(file), file).toBe(true);
  });

  it("lints every file and no rule throws", async () => {
    const { results, thrown } = await lintEach(createESLint(false), corpusCopies);
    expect(thrown).toEqual([]);
    expect(results).toHaveLength(corpus.length);
    const failures = results.flatMap((result) => fatalMessages(result.messages).map((message) => `${path.relative(TMP, result.filePath)}: ${message}`));
    unparsed = new Set(results.filter((result) => fatalMessages(result.messages).length > 0).map((result) => result.filePath));
    // The sample is chosen to parse: a parse error there means the copy got the wrong language.
    if (!full) expect(failures).toEqual([]);
    const findings = results.reduce((sum, result) => sum + result.messages.filter((message) => message.ruleId?.startsWith("postmortem/")).length, 0);
    console.info(`corpus: ${results.length} files linted, ${findings} findings, ${unparsed.size} unparsable (${full ? "full" : "sample"})`);
  }, TIMEOUT);

  it("applies every autofix, and the output parses and offers no further fix of the same rule", async () => {
    const files = fixSet.map((file) => copies.get(file)!).filter((copy) => !unparsed.has(copy));
    const before = await lintEach(createESLint(false), files);
    expect(before.thrown).toEqual([]);
    const fixable = new Map<string, Set<string>>();
    let offered = 0;
    for (const result of before.results) {
      const rules = new Set(result.messages.filter((message) => message.fix).map((message) => message.ruleId ?? ""));
      offered += result.messages.filter((message) => message.fix).length;
      if (rules.size > 0) fixable.set(result.filePath, rules);
    }

    const fixing = await lintEach(createESLint(true), files);
    expect(fixing.thrown).toEqual([]);
    await ESLint.outputFixes(fixing.results);
    const changed = fixing.results.filter((result) => result.output !== undefined).map((result) => result.filePath);
    expect(changed.sort()).toEqual([...fixable.keys()].sort());

    const after = await lintEach(createESLint(false), changed);
    expect(after.thrown).toEqual([]);
    for (const result of after.results) {
      const file = path.relative(TMP, result.filePath);
      expect(fatalMessages(result.messages), file).toEqual([]);
      const again = result.messages.filter((message) => message.fix && fixable.get(result.filePath)?.has(message.ruleId ?? ""));
      expect(again.map((message) => `${message.line}:${message.column} ${message.ruleId}`), file).toEqual([]);
    }
    // The fixtures and the zoo have findings that fix, so this pass is never vacuous.
    expect(offered).toBeGreaterThan(0);
    console.info(`autofix: ${offered} fixes offered in ${changed.length} files of ${files.length}, all applied`);
  }, TIMEOUT);
});

describe("every suggestion on the fixtures and the syntax zoo", () => {
  const linter = new Linter({ configType: "flat", cwd: ROOT });
  const config = buildConfig();
  const files = [...fixtureFiles.filter((file) => /\.(?:js|ts)$/u.test(file)), ...zooFiles];
  let suggestionsApplied = 0;

  it.each(files)("%s: each suggestion parses and is not offered again there", (file) => {
    const filename = path.join(ROOT, file);
    const source = fs.readFileSync(filename, "utf8");
    const messages = linter.verify(source, config, { filename });
    expect(fatalMessages(messages)).toEqual([]);
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        const { range, text } = suggestion.fix;
        const output = source.slice(0, range[0]) + text + source.slice(range[1]);
        const label = `${message.ruleId} at ${message.line}:${message.column}: ${suggestion.desc}`;
        const relinted = linter.verify(output, config, { filename });
        expect(fatalMessages(relinted), `${label}\n${output}`).toEqual([]);
        // Where the reported node starts once the suggestion is in (an insertion before it shifts it).
        const start = getOffset(source, message.line, message.column);
        const moved = range[1] <= start ? start + text.length - (range[1] - range[0]) : start;
        const again = relinted.filter(
          (other) => other.ruleId === message.ruleId && other.messageId === message.messageId && getOffset(output, other.line, other.column) === moved,
        );
        expect(again.map((other) => other.message), label).toEqual([]);
        suggestionsApplied++;
      }
    }
  });

  it("applied some suggestions", () => {
    expect(suggestionsApplied).toBeGreaterThan(0);
    console.info(`suggestions: ${suggestionsApplied} applied one at a time on ${files.length} files`);
  });
});

/** The offset of a 1-based line and column in `text`. */
function getOffset(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}
