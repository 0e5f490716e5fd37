#!/usr/bin/env node
// The plugin's benchmark (issue 9): how much the rules cost on top of parsing, on real code
// nobody here wrote, measured with ESLint's own `stats`.
//
//   node scripts/bench.js                  measure and write docs/benchmarks.md
//   node scripts/bench.js --runs 5         median of 5 runs instead of 3
//   node scripts/bench.js --quick          every 8th corpus file, 1 run (unless --runs), prints only
//   node scripts/bench.js --only b,b-typed run these passes only, prints only (for --cpu-prof)
//   node scripts/bench.js --write-corpus   regenerate bench/corpus.txt from node_modules
//
// Every pass runs in a fresh Node process, as `eslint` on the command line does, so that no
// cache (ESLint's, typescript-eslint's programs, the plugin's) carries from one pass to the
// next. Node flags given to this script (`node --cpu-prof scripts/bench.js --only b`) are passed
// on to those processes, each of which then writes its own profile.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpusListPath = path.join(root, "bench/corpus.txt");
const workDir = path.join(root, ".tmp/bench");
const docPath = path.join(root, "docs/benchmarks.md");
const pluginEntry = path.join(root, "dist/src/index.js");

/**
 * Where `--write-corpus` takes files from: sorted, then at most `cap` of them, evenly spaced.
 * Only sources: no `.d.ts`, no minified bundles, nothing above `maxBytes`.
 */
const corpusSources = [
  { dir: "node_modules/eslint/lib", cap: 300 },
  { dir: "node_modules/@typescript-eslint", cap: 250 },
  { dir: "node_modules/typeorm", cap: 200, skip: ["browser/"] },
  { dir: "node_modules/sequelize/lib", cap: 120 },
  { dir: "node_modules/knex/lib", cap: 150 },
  { dir: "node_modules/mongoose/lib", cap: 150 },
  { dir: "node_modules/kysely/dist/esm", cap: 150 },
  { dir: "node_modules/drizzle-orm", cap: 150, extensions: [".js"] },
  { dir: "node_modules/@redis", cap: 150 },
  { dir: "node_modules/ioredis/built", cap: 50 },
  { dir: "node_modules/mysql2/lib", cap: 100 },
  { dir: "node_modules/joi/lib", cap: 40 },
  { dir: "node_modules/generic-pool", cap: 20 },
  { dir: "node_modules/lru-cache/dist/esm", cap: 10 },
  { dir: "node_modules/ky/distribution", cap: 30 },
  // The TypeScript part: packages that ship their .ts sources.
  { dir: "node_modules/mongodb/src", cap: 150 },
  { dir: "node_modules/zod/src", cap: 200 },
  { dir: "node_modules/bson/src", cap: 40 },
  { dir: "node_modules/pg-protocol/src", cap: 20 },
  { dir: "node_modules/@arethetypeswrong/core/src", cap: 30 },
  { dir: "node_modules/table/node_modules/ajv/lib", cap: 110 },
  { dir: "fixtures", cap: Infinity },
];
const sourceExtensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"];
/** Test files are left out: rules that skip them (`no-query-in-loop`) would look cheaper than they are. */
const testFile = /(?:^|\/)(?:tests?|__tests__)\/|\.(?:test|spec|e2e|e2e-spec|integration)\.[cm]?[jt]sx?$/u;
const maxBytes = 200_000;
const quickStride = 8;
const scales = [1, 2, 4];

/**
 * Pass (d): typed rules of typescript-eslint's `recommended-type-checked` that ask the checker
 * about most calls, as a typed configuration has. The checker answers lazily and caches: the
 * first rule to ask about a node pays for its inference. Their listeners run while the tree is
 * traversed, before the plugin's rules judge at `Program:exit`.
 */
const typedNeighbours = ["@typescript-eslint/no-floating-promises", "@typescript-eslint/no-misused-promises", "@typescript-eslint/await-thenable"];

/** The rule of the typed passes that creates the type checker, as any typed configuration does. */
const typeCheckerRule = "type-checker";

function createTypeCheckerRule() {
  return {
    meta: { type: "problem", schema: [] },
    create(context) {
      const services = context.sourceCode.parserServices;
      const checker = services?.program?.getTypeChecker();
      let asked = false;
      // One type question per file, on its first identifier: the least any typed rule does. The
      // first question of the run makes the checker bind the program and resolve its globals.
      return {
        Identifier(node) {
          if (asked || !checker) return;
          asked = true;
          const tsNode = services.esTreeNodeToTSNodeMap.get(node);
          if (tsNode) checker.getTypeAtLocation(tsNode);
        },
      };
    },
  };
}

/** The rule of every ESLint pass that reads its context first, as the first rule of any configuration does. */
const contextRule = "rule-context";

/**
 * ESLint gives each rule of a file a context object inheriting from one new object per file. The
 * first rule of a file to read a property of its context (\`context.sourceCode\`, \`options\`,
 * \`filename\`) pays about 0.2% of parse time for V8 to look the property up on that new
 * prototype; the rules after it pay almost nothing. In a real configuration that is the first rule
 * configured, a core rule more often than not. This rule is that first rule, in every pass, so that
 * neither the plugin's first rule nor \`require-atomic-updates\` is charged with it.
 */
let _sink;

function createContextRule() {
  return {
    meta: { type: "problem", schema: [] },
    create(context) {
      // Kept in a variable the engine cannot prove unused, so that the reads happen.
      _sink = [context.sourceCode, context.options, context.settings, context.filename];
      return {};
    },
  };
}

/** The rules of the built plugin's `configs.all`, for the oxlint passes. */
let pluginAllRules = {};

const targets = { pluginPercent: 3, rulePercent: 1, scaling: 4.4 };

/**
 * File sizes the plugin's cost is broken down by (upper bounds in bytes, the last open): a file
 * pays a fixed part (creating the rules, their per-file guards) and a part that grows with its
 * code, so the share of parse time depends on how many small files a corpus has.
 */
const sizeBuckets = [1024, 4096, 16_384, 65_536, Number.POSITIVE_INFINITY];
const referenceRule = "require-atomic-updates";

const argv = process.argv.slice(2);
if (argv[0] === "--worker") {
  await runWorker(JSON.parse(fs.readFileSync(argv[1] ?? "", "utf8")));
} else if (argv.includes("--write-corpus")) {
  writeCorpus();
} else {
  await main(parseArguments(argv));
}

function parseArguments(args) {
  const options = { runs: undefined, quick: false, only: undefined, write: true };
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    if (argument === "--quick") options.quick = true;
    else if (argument === "--no-write") options.write = false;
    else if (argument === "--runs") options.runs = Number(args[++index]);
    else if (argument === "--only") options.only = (args[++index] ?? "").split(",");
    else fail(`unknown argument ${argument}\nusage: node scripts/bench.js [--runs N] [--quick] [--only pass,...] [--no-write] | --write-corpus`);
  }
  options.runs ??= options.quick ? 1 : 3;
  if (!Number.isInteger(options.runs) || options.runs < 1) fail("--runs takes a positive integer");
  if (options.quick || options.only) options.write = false;
  return options;
}

async function main(options) {
  if (!fs.existsSync(pluginEntry)) fail("dist/src/index.js is missing: run `npm run build` first (the benchmark measures the built plugin).");
  warnIfBuildIsStale();
  const { default: plugin } = await import(pluginEntry);
  const pluginRuleIds = Object.keys(plugin.configs.all.rules);
  pluginAllRules = plugin.configs.all.rules;

  const corpus = readCorpus(options.quick);
  if (corpus.files.length === 0) fail("the corpus is empty: run `npm ci`, or `node scripts/bench.js --write-corpus`.");
  const tsFiles = corpus.files.filter(isTypeScript);
  fs.mkdirSync(workDir, { recursive: true });
  const tsconfigPath = writeCorpusTsconfig(tsFiles);
  const scaled = prepareScaledCopies(corpus.files);

  const passes = [
    { name: "a", label: "(a) parser only", rules: "none", files: corpus.files },
    { name: "b", label: "(b) postmortem configs.all", rules: "plugin", files: corpus.files },
    { name: "c", label: "(c) reference: core rules", rules: "reference", files: corpus.files },
    { name: "a-typed", label: "(a) parser only, typed", rules: "none", files: tsFiles, tsconfigPath },
    { name: "b-typed", label: "(b) configs.all, typed", rules: "plugin", files: tsFiles, tsconfigPath },
    { name: "d-typed", label: "(d) configs.all beside typed rules of typescript-eslint", rules: "plugin-beside-typed", files: tsFiles, tsconfigPath },
    ...scales.map((scale) => ({ name: `scale-${scale}`, label: `configs.all, ${scale}x corpus`, rules: "plugin", files: scaled[scale] ?? [] })),
    { name: "ox-a", label: "oxlint, no rules", tool: "oxlint", rules: "none", files: corpus.files },
    { name: "ox-b", label: "oxlint, postmortem JS plugin", tool: "oxlint", rules: "plugin", files: corpus.files },
  ].filter((pass) => !options.only || options.only.includes(pass.name));
  if (passes.length === 0) fail(`--only matched no pass; passes are a, b, c, a-typed, b-typed, d-typed, ${scales.map((scale) => `scale-${scale}`).join(", ")}, ox-a, ox-b`);

  console.log(`corpus: ${corpus.files.length} files (${corpus.files.length - tsFiles.length} JavaScript, ${tsFiles.length} TypeScript)${corpus.missing ? `, ${corpus.missing} listed files missing (skipped)` : ""}`);
  console.log(`${options.runs} run(s) of ${passes.length} passes, each pass in a fresh process\n`);
  const started = Date.now();
  const measured = new Map(passes.map((pass) => [pass.name, []]));
  for (let run = 1; run <= options.runs; run++) {
    for (const pass of passes) {
      process.stdout.write(`run ${run}/${options.runs}  ${pass.label.padEnd(32)} ${String(pass.files.length).padStart(6)} files  `);
      const result = runPass(pass, `${run}`);
      measured.get(pass.name)?.push(result);
      console.log(`${formatMs(result.wall).padStart(9)} wall, ${formatMs(result.parse).padStart(9)} parse${result.fatal ? `, ${result.fatal} files not parsed` : ""}`);
    }
  }
  const elapsed = Date.now() - started;

  fs.writeFileSync(path.join(workDir, "results.json"), JSON.stringify(Object.fromEntries(measured)));
  const report = summarise({ measured, passes, pluginRuleIds, corpus, tsFiles, options, elapsed });
  console.log(`\n${renderSummary(report)}`);
  if (options.write) {
    fs.writeFileSync(docPath, renderDocument(report));
    console.log(`\nwrote ${path.relative(root, docPath)}`);
    if (report.oxlint) writeOxlintSpeed(report);
  }
}

// ---------------------------------------------------------------------------------------------
// Corpus

function writeCorpus() {
  const candidates = [];
  const perSource = [];
  for (const source of corpusSources) {
    const found = listSourceFiles(source);
    const picked = spread(found, source.cap);
    perSource.push(`${source.dir}: ${picked.length} of ${found.length}`);
    candidates.push(...picked);
  }
  // Keep only what the benchmark's parsers accept, so that every run lints the same files.
  fs.mkdirSync(workDir, { recursive: true });
  const result = runPass({ name: "corpus-check", rules: "none", files: candidates, keepFatal: true }, "check");
  const unparsed = new Set(result.fatalFiles);
  const kept = candidates.filter((file) => !unparsed.has(file));
  const header = [
    "# Benchmark corpus: paths relative to the repository root, one per line.",
    "# Generated by `node scripts/bench.js --write-corpus`; edit the sources in scripts/bench.js, not this list.",
  ];
  fs.mkdirSync(path.dirname(corpusListPath), { recursive: true });
  fs.writeFileSync(corpusListPath, `${[...header, ...kept].join("\n")}\n`);
  console.log(perSource.join("\n"));
  console.log(`\n${kept.length} files written to ${path.relative(root, corpusListPath)} (${unparsed.size} dropped: not parseable as configured)`);
}

function listSourceFiles(source) {
  const base = path.join(root, source.dir);
  if (!fs.existsSync(base)) {
    console.warn(`warning: ${source.dir} does not exist`);
    return [];
  }
  const extensions = source.extensions ?? sourceExtensions;
  const files = [];
  for (const entry of fs.readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(base, absolute).split(path.sep).join("/");
    if (relative.includes("node_modules/") || source.skip?.some((prefix) => relative.startsWith(prefix))) continue;
    if (!extensions.some((extension) => entry.name.endsWith(extension))) continue;
    if (/\.d\.[cm]?ts$|\.min\.js$/u.test(entry.name) || testFile.test(relative)) continue;
    const size = fs.statSync(absolute).size;
    if (size === 0 || size > maxBytes) continue;
    files.push(`${source.dir}/${relative}`);
  }
  return files.sort(compareStrings);
}

/** At most `cap` items of a sorted list, evenly spaced, so that each part of a package is represented. */
function spread(items, cap) {
  if (items.length <= cap) return items;
  return Array.from({ length: cap }, (_, index) => items[Math.floor((index * items.length) / cap)]);
}

function readCorpus(quick) {
  if (!fs.existsSync(corpusListPath)) fail("bench/corpus.txt is missing: run `node scripts/bench.js --write-corpus`.");
  const listed = fs
    .readFileSync(corpusListPath, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const present = listed.filter((file) => fs.existsSync(path.join(root, file)));
  const missing = listed.length - present.length;
  if (missing > 0) console.warn(`warning: ${missing} of ${listed.length} corpus files are missing (run \`npm ci\`); they are skipped`);
  const files = quick ? present.filter((file, index) => index % quickStride === 0 || file.startsWith("fixtures/")) : present;
  const sources = new Map();
  for (const file of files) {
    const source = corpusSources.find((candidate) => file.startsWith(`${candidate.dir}/`))?.dir ?? path.dirname(file);
    sources.set(source, (sources.get(source) ?? 0) + 1);
  }
  return { files, listed: listed.length, missing, sources };
}

function isTypeScript(file) {
  return /\.[cm]?ts$/u.test(file);
}

/** A tsconfig for the typed passes: exactly the TypeScript part of the corpus. */
function writeCorpusTsconfig(tsFiles) {
  const tsconfigPath = path.join(workDir, "tsconfig.json");
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2023", "DOM"],
      types: ["node"],
      strict: true,
      allowJs: false,
      skipLibCheck: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      experimentalDecorators: true,
    },
    files: tsFiles.map((file) => path.join(root, file)),
  };
  fs.writeFileSync(tsconfigPath, `${JSON.stringify(tsconfig, null, 2)}\n`);
  return tsconfigPath;
}

/** The corpus copied 4 times under other directories: scale N lints the first N copies. */
function prepareScaledCopies(files) {
  const copies = Math.max(...scales);
  const scaleDir = path.join(workDir, "scale");
  fs.rmSync(scaleDir, { recursive: true, force: true });
  const copied = [];
  for (let copy = 0; copy < copies; copy++) {
    const list = [];
    for (const file of files) {
      const target = path.join(scaleDir, `copy-${copy}`, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.join(root, file), target);
      list.push(path.relative(root, target).split(path.sep).join("/"));
    }
    copied.push(list);
  }
  return Object.fromEntries(scales.map((scale) => [scale, copied.slice(0, scale).flat()]));
}

// ---------------------------------------------------------------------------------------------
// One pass, in a child process

function runPass(pass, tag) {
  if (pass.tool === "oxlint") return runOxlintPass(pass, tag);
  const specPath = path.join(workDir, `pass-${pass.name}-${tag}.json`);
  const outPath = path.join(workDir, `pass-${pass.name}-${tag}.result.json`);
  fs.rmSync(outPath, { force: true });
  fs.writeFileSync(specPath, JSON.stringify({ ...pass, out: outPath }));
  const start = performance.now();
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--worker", specPath], {
    cwd: root,
    // What `eslint` on the command line does: one TypeScript program, no watch program.
    env: { ...process.env, TSESTREE_SINGLE_RUN: "true" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const processTime = performance.now() - start;
  if (child.status !== 0 || !fs.existsSync(outPath)) fail(`pass ${pass.name} failed (exit ${child.status ?? child.signal}); see the error above`);
  return { ...JSON.parse(fs.readFileSync(outPath, "utf8")), process: processTime };
}

/**
 * oxlint over the same files, as a user runs it: one process, its own threads, the built plugin
 * loaded as a JS plugin with the rules of `configs.all` and none of oxlint's own. oxlint reports no
 * per-rule times, so the pass has a process time and a finding count only.
 */
function runOxlintPass(pass, tag) {
  const configPath = path.join(workDir, `pass-${pass.name}-${tag}.oxlintrc.json`);
  const config = { categories: { correctness: "off" }, plugins: [] };
  if (pass.rules === "plugin") Object.assign(config, { jsPlugins: [pluginEntry], rules: pluginAllRules });
  fs.writeFileSync(configPath, JSON.stringify(config));
  const start = performance.now();
  const child = spawnSync(path.join(root, "node_modules/.bin/oxlint"), ["-c", configPath, "--format", "json", ...pass.files], { cwd: root, encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  const processTime = performance.now() - start;
  let output;
  try {
    output = JSON.parse(child.stdout);
  } catch {
    fail(`pass ${pass.name} failed (exit ${child.status ?? child.signal}): ${child.stderr || child.stdout.slice(0, 500)}`);
  }
  if (output.number_of_files !== pass.files.length) fail(`oxlint linted ${output.number_of_files} of ${pass.files.length} files`);
  const findings = output.diagnostics.filter((diagnostic) => diagnostic.code.startsWith("postmortem(")).length;
  return { process: processTime, wall: processTime, parse: Number.NaN, rules: {}, slowest: {}, files: output.number_of_files, fatal: 0, fatalFiles: [], findings, threads: output.threads_count, maxRss: Number.NaN };
}

async function runWorker(spec) {
  const [{ ESLint }, { default: tsParser }] = await Promise.all([import("eslint"), import("@typescript-eslint/parser")]);
  const config = [
    // The corpus lives in node_modules, which ESLint ignores by default.
    { ignores: ["!**/node_modules/"] },
    { linterOptions: { reportUnusedDisableDirectives: "off" } },
    {
      files: ["**/*.{ts,mts,cts}"],
      languageOptions: { parser: tsParser, parserOptions: spec.tsconfigPath ? { project: spec.tsconfigPath, tsconfigRootDir: root } : {} },
    },
  ];
  config.push({ plugins: { bench: { rules: { [contextRule]: createContextRule(), [typeCheckerRule]: createTypeCheckerRule() } } }, rules: { [`bench/${contextRule}`]: "error" } });
  if (spec.tsconfigPath) {
    // Any typed configuration has the TypeScript type checker bind the program and resolve its
    // globals at its first type question (typescript-eslint's typed rules do, at their first
    // file): a rule of its own pays for that here, in both typed passes, so that the plugin's
    // rules are timed as they run in such a configuration.
    config.push({ files: ["**/*.{ts,mts,cts}"], rules: { [`bench/${typeCheckerRule}`]: "error" } });
  }
  if (spec.rules === "plugin" || spec.rules === "plugin-beside-typed") {
    const { default: plugin } = await import(pluginEntry);
    config.push({ files: ["**/*.{js,mjs,cjs,ts,mts,cts}"], ...plugin.configs.all });
  }
  if (spec.rules === "plugin-beside-typed") {
    const { default: tseslint } = await import("typescript-eslint");
    config.push({ files: ["**/*.{ts,mts,cts}"], plugins: { "@typescript-eslint": tseslint.plugin }, rules: Object.fromEntries(typedNeighbours.map((rule) => [rule, "error"])) });
  }
  if (spec.rules === "reference") {
    const { default: js } = await import("@eslint/js");
    config.push({
      files: ["**/*.{js,mjs,cjs,ts,mts,cts}"],
      rules: { ...js.configs.recommended.rules, "no-await-in-loop": "error", "require-atomic-updates": "error" },
    });
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: config,
    // Directives in the corpus name plugins that are not loaded here.
    allowInlineConfig: false,
    stats: true,
  });
  const files = spec.files.map((file) => path.join(root, file));
  const start = performance.now();
  const results = await eslint.lintFiles(files);
  const wall = performance.now() - start;

  let parse = 0;
  const rules = {};
  const slowest = {};
  const fatalFiles = [];
  /** Per size bucket: files, parse time, the plugin's rule time, and the reference rule's. */
  const bySize = sizeBuckets.map(() => ({ files: 0, parse: 0, plugin: 0, reference: 0 }));
  for (const result of results) {
    const bucket = bySize[sizeBuckets.findIndex((limit) => fs.statSync(result.filePath).size < limit)];
    bucket.files++;
    if (!result.stats) {
      console.error(`not linted: ${path.relative(root, result.filePath)}: ${result.messages[0]?.message ?? "no stats"}`);
      process.exit(1);
    }
    if (result.messages.some((message) => message.fatal)) {
      fatalFiles.push(path.relative(root, result.filePath).split(path.sep).join("/"));
      if (!spec.keepFatal) console.error(`not parsed: ${path.relative(root, result.filePath)}: ${result.messages.find((message) => message.fatal)?.message}`);
    }
    for (const pass of result.stats?.times.passes ?? []) {
      parse += pass.parse.total;
      bucket.parse += pass.parse.total;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
        rules[ruleId] = (rules[ruleId] ?? 0) + time.total;
        if (ruleId.startsWith("postmortem/")) bucket.plugin += time.total;
        else if (ruleId === referenceRule) bucket.reference += time.total;
        if (time.total > (slowest[ruleId]?.time ?? -1)) slowest[ruleId] = { time: time.total, file: path.relative(root, result.filePath) };
      }
    }
  }
  const findings = results.reduce((sum, result) => sum + result.messages.filter((message) => message.ruleId?.startsWith("postmortem/")).length, 0);
  const output = { wall, parse, rules, slowest, bySize, findings, files: results.length, fatal: fatalFiles.length, fatalFiles, maxRss: process.resourceUsage().maxRSS };
  fs.writeFileSync(spec.out, JSON.stringify(output));
}

// ---------------------------------------------------------------------------------------------
// Summary

function summarise({ measured, passes, pluginRuleIds, corpus, tsFiles, options, elapsed }) {
  const runsOf = (name) => measured.get(name) ?? [];
  const has = (name) => runsOf(name).length > 0;
  /** Median over runs of a per-run value: ratios are taken within a run, where the load is alike. */
  const medianOf = (name, value) => median(runsOf(name).map(value));
  const ruleTime = (run, ruleId) => run.rules[ruleId] ?? 0;
  const pluginTime = (run) => pluginRuleIds.reduce((sum, ruleId) => sum + ruleTime(run, ruleId), 0);
  const percentOfParse = (time, run) => (run.parse > 0 ? (100 * time) / run.parse : Number.NaN);

  const configs = passes.filter((pass) => pass.tool !== "oxlint").map((pass) => ({
    label: pass.label,
    name: pass.name,
    files: runsOf(pass.name)[0]?.files ?? 0,
    wall: medianOf(pass.name, (run) => run.wall),
    parse: medianOf(pass.name, (run) => run.parse),
    rules: medianOf(pass.name, (run) => Object.values(run.rules).reduce((sum, time) => sum + time, 0)),
    rulesPercent: medianOf(pass.name, (run) => percentOfParse(Object.values(run.rules).reduce((sum, time) => sum + time, 0), run)),
    maxRss: medianOf(pass.name, (run) => run.maxRss),
  }));

  const slowestFile = (name, ruleId) => {
    const worst = runsOf(name)
      .map((run) => run.slowest[ruleId])
      .filter(Boolean)
      .sort((left, right) => right.time - left.time)[0];
    return worst ? `${worst.file} (${formatMs(worst.time)})` : "";
  };
  const pluginRules = pluginRuleIds.map((ruleId) => ({
    ruleId,
    untyped: has("b") ? { time: medianOf("b", (run) => ruleTime(run, ruleId)), percent: medianOf("b", (run) => percentOfParse(ruleTime(run, ruleId), run)) } : undefined,
    typed: has("b-typed") ? { time: medianOf("b-typed", (run) => ruleTime(run, ruleId)), percent: medianOf("b-typed", (run) => percentOfParse(ruleTime(run, ruleId), run)) } : undefined,
    slowest: slowestFile("b", ruleId),
  }));
  const plugin = {
    untyped: has("b") ? { time: medianOf("b", pluginTime), percent: medianOf("b", (run) => percentOfParse(pluginTime(run), run)) } : undefined,
    typed: has("b-typed") ? { time: medianOf("b-typed", pluginTime), percent: medianOf("b-typed", (run) => percentOfParse(pluginTime(run), run)) } : undefined,
  };

  let reference;
  if (has("c")) {
    const recommendedIds = Object.keys(runsOf("c")[0]?.rules ?? {}).filter((ruleId) => ruleId !== "no-await-in-loop" && ruleId !== "require-atomic-updates");
    const recommendedTime = (run) => recommendedIds.reduce((sum, ruleId) => sum + ruleTime(run, ruleId), 0);
    const row = (label, time) => ({ label, time: medianOf("c", time), percent: medianOf("c", (run) => percentOfParse(time(run), run)) });
    reference = [
      row("no-await-in-loop", (run) => ruleTime(run, "no-await-in-loop")),
      row("require-atomic-updates", (run) => ruleTime(run, "require-atomic-updates")),
      row(`eslint:recommended (${recommendedIds.length} rules, total)`, recommendedTime),
    ];
    const heaviest = recommendedIds
      .map((ruleId) => ({ ruleId, percent: medianOf("c", (run) => percentOfParse(ruleTime(run, ruleId), run)) }))
      .sort((left, right) => right.percent - left.percent)[0];
    if (heaviest) reference.push({ label: `heaviest eslint:recommended rule: ${heaviest.ruleId}`, time: medianOf("c", (run) => ruleTime(run, heaviest.ruleId)), percent: heaviest.percent });
  }

  const wallRatio = has("a") && has("b") ? median(runsOf("b").map((run, index) => run.wall / (runsOf("a")[index]?.wall ?? Number.NaN))) : undefined;
  const wallRatioTyped = has("a-typed") && has("b-typed") ? median(runsOf("b-typed").map((run, index) => run.wall / (runsOf("a-typed")[index]?.wall ?? Number.NaN))) : undefined;

  let scaling;
  if (scales.every((scale) => has(`scale-${scale}`))) {
    const base = runsOf(`scale-${scales[0]}`);
    scaling = scales.map((scale) => {
      const name = `scale-${scale}`;
      return {
        scale,
        files: runsOf(name)[0]?.files ?? 0,
        wall: medianOf(name, (run) => run.wall),
        ratio: median(runsOf(name).map((run, index) => run.wall / (base[index]?.wall ?? Number.NaN))),
        parse: medianOf(name, (run) => run.parse),
        plugin: medianOf(name, pluginTime),
        maxRss: medianOf(name, (run) => run.maxRss),
      };
    });
  }

  /** The per-run values next to the median, so that the noise shows. */
  const perRun = (name, value, format) => (runsOf(name).length > 1 ? ` (runs: ${runsOf(name).map((run) => format(value(run))).join(", ")})` : "");
  const pluginPercentOf = (run) => percentOfParse(pluginTime(run), run);
  const requireAtomic = reference?.[1];
  const checks = [];
  if (plugin.untyped) {
    checks.push({
      target: `whole plugin ≤ ${targets.pluginPercent}% of parse time, untyped`,
      measured: `${formatPercent(plugin.untyped.percent)}${perRun("b", pluginPercentOf, formatPercent)}`,
      pass: plugin.untyped.percent <= targets.pluginPercent,
    });
  }
  if (plugin.typed) {
    checks.push({
      target: `whole plugin ≤ ${targets.pluginPercent}% of parse time, typed`,
      measured: `${formatPercent(plugin.typed.percent)}${perRun("b-typed", pluginPercentOf, formatPercent)}`,
      pass: plugin.typed.percent <= targets.pluginPercent,
    });
  }
  if (plugin.untyped && requireAtomic) {
    checks.push({
      target: "whole plugin less than `require-atomic-updates` alone (untyped, % of parse)",
      measured: `${formatPercent(plugin.untyped.percent)} vs ${formatPercent(requireAtomic.percent)}`,
      pass: plugin.untyped.percent < requireAtomic.percent,
    });
  }
  for (const [mode, key] of [["untyped", "untyped"], ["typed", "typed"]]) {
    const rows = pluginRules.filter((rule) => rule[key]);
    if (rows.length === 0) continue;
    const worst = rows.reduce((left, right) => (right[key].percent > left[key].percent ? right : left));
    checks.push({
      target: `no rule above ${targets.rulePercent}% of parse time, ${mode}`,
      measured: `max ${formatPercent(worst[key].percent)} (${worst.ruleId})`,
      pass: rows.every((rule) => rule[key].percent <= targets.rulePercent),
    });
  }
  const largest = scaling?.at(-1);
  if (largest) {
    const base = runsOf(`scale-${scales[0]}`);
    const ratioOf = (run) => run.wall / (base[runsOf(`scale-${largest.scale}`).indexOf(run)]?.wall ?? Number.NaN);
    checks.push({
      target: `${largest.scale}× corpus within ${targets.scaling}× the wall time of 1×`,
      measured: `${largest.ratio.toFixed(2)}×${perRun(`scale-${largest.scale}`, ratioOf, (ratio) => `${ratio.toFixed(2)}×`)}`,
      pass: largest.ratio <= targets.scaling,
    });
  }

  let oxlint;
  if (has("ox-a") && has("ox-b")) {
    const processOf = (name) => (has(name) ? medianOf(name, (run) => run.process) : Number.NaN);
    const findingsOf = (name) => (has(name) ? medianOf(name, (run) => run.findings) : Number.NaN);
    oxlint = {
      threads: runsOf("ox-b")[0]?.threads,
      rows: [
        { label: "ESLint, parser only (a)", process: processOf("a"), findings: Number.NaN },
        { label: "ESLint, configs.all (b)", process: processOf("b"), findings: findingsOf("b") },
        { label: "oxlint, no rules", process: processOf("ox-a"), findings: Number.NaN },
        { label: "oxlint, the plugin's rules as a JS plugin", process: processOf("ox-b"), findings: findingsOf("ox-b") },
      ],
      /** Per run, as the other ratios: ESLint (b) over oxlint with the plugin. */
      speedup: has("b") ? median(runsOf("b").map((run, index) => run.process / (runsOf("ox-b")[index]?.process ?? Number.NaN))) : Number.NaN,
      pluginCost: median(runsOf("ox-b").map((run, index) => run.process - (runsOf("ox-a")[index]?.process ?? Number.NaN))),
    };
  }

  const besideTyped = has("d-typed")
    ? {
        plugin: { time: medianOf("d-typed", pluginTime), percent: medianOf("d-typed", (run) => percentOfParse(pluginTime(run), run)) },
        neighbours: typedNeighbours.map((ruleId) => ({ ruleId, percent: medianOf("d-typed", (run) => percentOfParse(ruleTime(run, ruleId), run)) })),
        worst: pluginRuleIds
          .map((ruleId) => ({ ruleId, percent: medianOf("d-typed", (run) => percentOfParse(ruleTime(run, ruleId), run)) }))
          .sort((left, right) => right.percent - left.percent)[0],
      }
    : undefined;

  const checkerId = `bench/${typeCheckerRule}`;
  const typeChecker = has("a-typed") ? { time: medianOf("a-typed", (run) => ruleTime(run, checkerId)), percent: medianOf("a-typed", (run) => percentOfParse(ruleTime(run, checkerId), run)) } : undefined;

  const contextId = `bench/${contextRule}`;
  const ruleContext = has("a") ? { time: medianOf("a", (run) => ruleTime(run, contextId)), percent: medianOf("a", (run) => percentOfParse(ruleTime(run, contextId), run)) } : undefined;

  /** The plugin's share of parse time in (b), and the reference rule's in (c), by file size; medians over runs. */
  let bySize;
  if (has("b")) {
    bySize = sizeBuckets.map((limit, index) => {
      const of = (run) => run.bySize[index];
      return {
        lower: sizeBuckets[index - 1] ?? 0,
        limit,
        files: of(runsOf("b")[0]).files,
        parse: medianOf("b", (run) => of(run).parse),
        plugin: medianOf("b", (run) => of(run).plugin),
        percent: medianOf("b", (run) => percentOfParse(of(run).plugin, of(run))),
        perFile: medianOf("b", (run) => (of(run).files > 0 ? (1000 * of(run).plugin) / of(run).files : Number.NaN)),
        reference: has("c") ? medianOf("c", (run) => percentOfParse(of(run).reference, of(run))) : Number.NaN,
      };
    });
  }

  return { configs, pluginRules, plugin, bySize, reference, wallRatio, wallRatioTyped, typeChecker, ruleContext, besideTyped, scaling, oxlint, checks, corpus, tsFiles, options, elapsed };
}

function renderSummary(report) {
  const lines = [];
  lines.push(table(["configuration", "files", "wall", "parse", "rules", "rules % parse"], report.configs.map((config) => [config.label, config.files, formatMs(config.wall), formatMs(config.parse), formatMs(config.rules), formatPercent(config.rulesPercent)])));
  if (report.wallRatio !== undefined) lines.push(`wall time (b)/(a): ${report.wallRatio.toFixed(3)}${report.wallRatioTyped === undefined ? "" : `, typed ${report.wallRatioTyped.toFixed(3)}`}`);
  if (report.ruleContext) lines.push(`first read of a rule context per file (in every pass, not the plugin's): ${formatMs(report.ruleContext.time)}, ${formatPercent(report.ruleContext.percent)} of parse`);
  if (report.typeChecker) lines.push(`type checker set-up (in both typed passes, not the plugin's): ${formatMs(report.typeChecker.time)}, ${formatPercent(report.typeChecker.percent)} of typed parse`);
  lines.push("");
  lines.push(
    table(
      ["rule", "untyped", "% parse", "typed", "% parse (typed)"],
      [
        ...report.pluginRules.map((rule) => [rule.ruleId, formatMs(rule.untyped?.time), formatPercent(rule.untyped?.percent), formatMs(rule.typed?.time), formatPercent(rule.typed?.percent)]),
        ["whole plugin", formatMs(report.plugin.untyped?.time), formatPercent(report.plugin.untyped?.percent), formatMs(report.plugin.typed?.time), formatPercent(report.plugin.typed?.percent)],
      ],
    ),
  );
  if (report.besideTyped) lines.push(`\n${describeBesideTyped(report.besideTyped)}`);
  if (report.bySize) {
    lines.push("");
    lines.push(table(["file size (untyped)", "files", "plugin % parse", "plugin per file", `${referenceRule} % parse`], report.bySize.map((row) => [formatSize(row), row.files, formatPercent(row.percent), formatMicroseconds(row.perFile), formatPercent(row.reference)])));
  }
  if (report.reference) {
    lines.push("");
    lines.push(table(["reference (c)", "time", "% parse"], report.reference.map((row) => [row.label, formatMs(row.time), formatPercent(row.percent)])));
  }
  if (report.scaling) {
    lines.push("");
    lines.push(table(["scale", "files", "wall", "ratio to 1x", "parse", "plugin rules"], report.scaling.map((row) => [`${row.scale}x`, row.files, formatMs(row.wall), `${row.ratio.toFixed(2)}x`, formatMs(row.parse), formatMs(row.plugin)])));
  }
  if (report.oxlint) {
    lines.push("");
    lines.push(table(["process time, whole corpus", "time", "postmortem findings"], report.oxlint.rows.map((row) => [row.label, formatMs(row.process), Number.isNaN(row.findings) ? "" : row.findings])));
    lines.push(`ESLint (b) / oxlint with the plugin: ${report.oxlint.speedup.toFixed(2)}x; the plugin in oxlint: ${formatMs(report.oxlint.pluginCost)}`);
  }
  lines.push("");
  lines.push(table(["target", "measured", ""], report.checks.map((check) => [check.target, check.measured, check.pass ? "PASS" : "MISS"])));
  return lines.join("\n");
}

function describeBesideTyped(besideTyped) {
  const neighbours = besideTyped.neighbours.map((rule) => `${rule.ruleId} ${formatPercent(rule.percent)}`).join(", ");
  return `beside typed rules of typescript-eslint (d): whole plugin ${formatMs(besideTyped.plugin.time)}, ${formatPercent(besideTyped.plugin.percent)} of typed parse; heaviest plugin rule ${besideTyped.worst?.ruleId} ${formatPercent(besideTyped.worst?.percent)}; the typed rules: ${neighbours}`;
}

function renderDocument(report) {
  const cpus = os.cpus();
  const versions = [
    ["Node.js", process.version],
    ["ESLint", packageVersion("eslint")],
    ["typescript-eslint", packageVersion("typescript-eslint")],
    ["@typescript-eslint/parser", packageVersion("@typescript-eslint/parser")],
    ["TypeScript", packageVersion("typescript")],
    ["espree", packageVersion("espree")],
    ["@eslint/js", packageVersion("@eslint/js")],
    ["eslint-plugin-postmortem", packageVersion(".")],
  ];
  const command = ["node scripts/bench.js", ...argv].join(" ");
  const jsCount = report.corpus.files.length - report.tsFiles.length;
  const mdTable = (header, rows) => [`| ${header.join(" | ")} |`, `|${header.map(() => " --- ").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
  const sources = [...report.corpus.sources].map(([dir, count]) => [`\`${dir}\``, count, dir.startsWith("fixtures") ? "JS and TS" : report.tsFiles.some((file) => file.startsWith(`${dir}/`)) ? "TypeScript sources" : "JavaScript"]);

  return `# Benchmarks

<!-- Generated by \`npm run bench\` (scripts/bench.js). Do not edit by hand: rerun it. -->

What the plugin costs on top of parsing, on real code nobody here wrote, measured with ESLint's
own \`stats\` (per-file parse time and per-rule time). Reproduce with:

\`\`\`sh
npx tsc -p tsconfig.build.json   # the benchmark measures the built plugin in dist/
${command}
\`\`\`

Date: ${new Date().toISOString()}. Runs: ${report.options.runs} (median reported). Total time of the benchmark: ${formatMs(report.elapsed)}.

## Machine and versions

${mdTable(
  ["", ""],
  [
    ["OS", `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`],
    ["CPU", `${cpus[0]?.model ?? "unknown"} × ${cpus.length}`],
    ["Memory", `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ...versions,
  ],
)}

## Targets

${mdTable(
  ["target", "measured", "result"],
  report.checks.map((check) => [check.target, check.measured, check.pass ? "PASS" : "**MISS**"]),
)}

## Corpus

${report.corpus.files.length} files from \`bench/corpus.txt\` (${jsCount} JavaScript, ${report.tsFiles.length} TypeScript)${report.corpus.missing ? `; ${report.corpus.missing} listed files were missing and skipped` : ""}.
The TypeScript part is the \`.ts\` sources that packages ship in \`node_modules\` (no \`.d.ts\`
declaration files); the typed passes lint all of it with one program built from a generated
tsconfig (\`.tmp/bench/tsconfig.json\`, \`files\` = the TypeScript part, \`allowJs: false\`).

${mdTable(["source", "files", "kind"], sources)}

## Configurations

${mdTable(
  ["configuration", "files", "wall", "parse", "rules", "rules % of parse", "max RSS"],
  report.configs.map((config) => [config.label, config.files, formatMs(config.wall), formatMs(config.parse), formatMs(config.rules), formatPercent(config.rulesPercent), `${(config.maxRss / 1024).toFixed(0)} MB`]),
)}

Wall-time ratio (b)/(a): ${report.wallRatio?.toFixed(3) ?? "not measured"} untyped, ${report.wallRatioTyped?.toFixed(3) ?? "not measured"} typed.

${report.ruleContext ? `Every pass has a rule of its own (\`bench/${contextRule}\`), configured first, that reads its context (\`sourceCode\`, \`options\`, \`settings\`, \`filename\`) and does nothing else. ESLint hands each rule of a file a context inheriting from one new object per file, and the first rule of the file to read a property of its context pays for V8 to look it up on that new object; the rules after it pay almost nothing. In a real configuration that is the first rule configured, usually a core rule. Here it costs ${formatMs(report.ruleContext.time)}, ${formatPercent(report.ruleContext.percent)} of the parse time of (a). It is counted in "rules" of every row and in neither the plugin's time nor the reference rules' time. Without it, the plugin's first rule (or the first core rule of (c)) would pay for it.` : ""}

${report.typeChecker ? `Both typed passes ask the TypeScript type checker one question per file with a rule of their own (\`bench/${typeCheckerRule}\`): the first question of a run makes the checker bind the program and resolve its globals, as in any typed configuration (typescript-eslint's typed rules pay it at their first file): ${formatMs(report.typeChecker.time)}, ${formatPercent(report.typeChecker.percent)} of the typed parse time. It is counted in "rules" of both typed rows and in neither the plugin's time nor its percentages. Without it, the first plugin rule to ask a type question would pay for it.` : ""}

## Plugin rules

Each rule's time as a percentage of the parse time of the same pass.

${mdTable(
  ["rule", "untyped", "% of parse", "typed", "% of typed parse", "slowest file (untyped)"],
  [
    ...report.pluginRules.map((rule) => [`\`${rule.ruleId}\``, formatMs(rule.untyped?.time), formatPercent(rule.untyped?.percent), formatMs(rule.typed?.time), formatPercent(rule.typed?.percent), rule.slowest ? `\`${rule.slowest}\`` : ""]),
    ["**whole plugin**", formatMs(report.plugin.untyped?.time), formatPercent(report.plugin.untyped?.percent), formatMs(report.plugin.typed?.time), formatPercent(report.plugin.typed?.percent), ""],
  ],
)}

${
  report.besideTyped
    ? `The typed column is configuration (b), where the plugin's rules are the only ones that ask the type checker: the checker infers lazily, and the first question about a node pays for its inference and for the declarations it depends on. In a typed configuration, rules such as typescript-eslint's \`no-floating-promises\` have asked about most calls by the time the plugin's rules judge the file at \`Program:exit\`. Configuration (d) lints the TypeScript part with \`configs.all\` and ${typedNeighbours.map((rule) => `\`${rule}\``).join(", ")}: there the whole plugin takes ${formatMs(report.besideTyped.plugin.time)}, ${formatPercent(report.besideTyped.plugin.percent)} of the typed parse time, its heaviest rule \`${report.besideTyped.worst?.ruleId}\` ${formatPercent(report.besideTyped.worst?.percent)} (the three typescript-eslint rules: ${report.besideTyped.neighbours.map((rule) => formatPercent(rule.percent)).join(", ")}). The targets are judged on (b), not on (d).`
    : ""
}

## Plugin cost by file size

${
  report.bySize
    ? `Each file costs the plugin a fixed part (seven rules created, and their per-file guards: the file's role, its imports, text guards) and a part that grows with its code. The corpus by file size, untyped: the plugin's time in configuration (b) as a percentage of the parse time of the same files, its time per file, and for comparison \`${referenceRule}\`'s percentage of the same files in configuration (c). The whole-corpus percentage depends on how many small files a corpus holds.

${mdTable(
  ["file size", "files", "parse", "plugin", "plugin % of parse", "plugin per file", `\`${referenceRule}\` % of parse`],
  report.bySize.map((row) => [formatSize(row), row.files, formatMs(row.parse), formatMs(row.plugin), formatPercent(row.percent), formatMicroseconds(row.perFile), formatPercent(row.reference)]),
)}`
    : "Not measured."
}

## Reference: ESLint core rules (untyped, configuration (c))

${report.reference ? mdTable(["rule", "time", "% of parse"], report.reference.map((row) => [row.label, formatMs(row.time), formatPercent(row.percent)])) : "Not measured."}

## Scaling

The corpus copied under \`.tmp/bench/scale/copy-N/\` and linted ${scales.map((scale) => `${scale}×`).join(", ")} with \`configs.all\`, untyped.

${
  report.scaling
    ? mdTable(
        ["scale", "files", "wall", "ratio to 1×", "parse", "plugin rules", "max RSS"],
        report.scaling.map((row) => [`${row.scale}×`, row.files, formatMs(row.wall), `${row.ratio.toFixed(2)}×`, formatMs(row.parse), formatMs(row.plugin), `${(row.maxRss / 1024).toFixed(0)} MB`]),
      )
    : "Not measured."
}

## ESLint and oxlint

${
  report.oxlint
    ? `The whole corpus in one process each, untyped, from process start to exit (the other tables
time \`ESLint#lintFiles\` alone). oxlint ${packageVersion("oxlint")} ran on ${report.oxlint.threads} threads with only the
plugin's rules (its own categories off) and the built plugin as a JS plugin.

${mdTable(
  ["configuration", "process time", "postmortem findings"],
  report.oxlint.rows.map((row) => [row.label, formatMs(row.process), Number.isNaN(row.findings) ? "" : String(row.findings)]),
)}

ESLint with \`configs.all\` takes ${report.oxlint.speedup.toFixed(1)}× the time of oxlint with the same rules. The plugin's rules
add ${formatMs(report.oxlint.pluginCost)} to oxlint's own run: there they are most of the time, since oxlint parses
natively and in parallel, and JS plugins run on the AST it hands over.`
    : "Not measured."
}

## Method and notes

- Every pass (configuration × run) runs in a fresh Node process, as \`eslint\` on the command line
  does, and the runs interleave the configurations. Nothing is cached between passes: ESLint's
  cache is off, and typescript-eslint builds its program anew (\`TSESTREE_SINGLE_RUN=true\`, what
  the CLI infers).
- "wall" is the time of \`ESLint#lintFiles\` alone (config loading, reading, parsing, scope
  analysis, rules), not process start-up. "parse" and rule times are the sums of ESLint's
  per-file \`stats\`. Typed parse time includes building the TypeScript program (counted in the
  parse time of the file whose parse builds it), so typed percentages are relative to that
  larger base.
- Percentages are taken within one pass and the median over runs is reported; ratios (b)/(a)
  and scale/1× are taken within one run and the median reported.
- JavaScript files are parsed by espree (ESLint's default, \`sourceType\` by extension), TypeScript
  files by \`@typescript-eslint/parser\`. Inline \`eslint\` comments in the corpus are ignored
  (\`allowInlineConfig: false\`). No \`globals\` are declared, so \`no-undef\` in (c) reports
  Node and browser globals; that cost is inside its own rule time.
- The corpus list is fixed: \`node scripts/bench.js --write-corpus\` regenerates it from the
  installed packages (sorted, at most a fixed number of files per package, evenly spread, files
  above ${maxBytes / 1000} kB, minified files and test files left out, and only files the parsers
  accept). Fixtures are the plugin's own incident code, kept in whole.
- The machine has ${cpus.length} cores and other work may run on it at the same time: the numbers are
  noisy, by several percent between runs. Read the percentages and ratios, not the milliseconds,
  and compare runs made on the same machine.
`;
}

/** The measured speed difference, between the markers of docs/oxlint.md. */
function writeOxlintSpeed(report) {
  const oxlintDoc = path.join(root, "docs/oxlint.md");
  const text = fs.readFileSync(oxlintDoc, "utf8");
  const marker = /(<!-- bench:oxlint:start[^>]*-->\n)[\s\S]*?(<!-- bench:oxlint:end -->)/u;
  if (!marker.test(text)) fail("docs/oxlint.md has lost its bench:oxlint markers");
  const [eslintParse, eslintAll, oxlintAlone, oxlintPlugin] = report.oxlint.rows;
  const body = `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: the ${report.corpus.files.length} files of the benchmark corpus, untyped,
one process each (${os.cpus().length} cores, oxlint ${packageVersion("oxlint")} on ${report.oxlint.threads} threads).

| configuration | process time | postmortem findings |
| --- | --- | --- |
| ESLint ${packageVersion("eslint")}, \`configs.all\` | ${formatMs(eslintAll?.process)} | ${eslintAll?.findings} |
| oxlint, the same rules as a JS plugin | ${formatMs(oxlintPlugin?.process)} | ${oxlintPlugin?.findings} |
| ESLint, parser only | ${formatMs(eslintParse?.process)} | |
| oxlint, no rules | ${formatMs(oxlintAlone?.process)} | |

oxlint with the plugin is ${report.oxlint.speedup.toFixed(1)}× faster than ESLint with \`configs.all\`. Almost all of oxlint's time
is then the plugin (${formatMs(report.oxlint.pluginCost)}): oxlint parses natively and in parallel, and the JS rules
run on the tree it hands over.
`;
  fs.writeFileSync(oxlintDoc, text.replace(marker, `$1${body}$2`));
  console.log(`wrote ${path.relative(root, oxlintDoc)}`);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function packageVersion(name) {
  const file = name === "." ? path.join(root, "package.json") : path.join(root, "node_modules", name, "package.json");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")).version ?? "unknown";
  } catch {
    return "not installed";
  }
}

function warnIfBuildIsStale() {
  const built = fs.statSync(pluginEntry).mtimeMs;
  const sources = ["src", "rules"].flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true }).map((file) => path.join(root, dir, String(file))));
  const newer = sources.filter((file) => file.endsWith(".ts") && fs.statSync(file).mtimeMs > built);
  if (newer.length > 0) console.warn(`warning: ${newer.length} source files are newer than dist/: run \`npm run build\` to measure them`);
}

function median(values) {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((left, right) => left - right);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function compareStrings(left, right) {
  return left < right ? -1 : left > right ? 1 : 0;
}

function formatMs(ms) {
  if (ms === undefined || Number.isNaN(ms)) return "–";
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

function formatSize({ lower, limit }) {
  const kilobytes = (bytes) => `${bytes / 1024} kB`;
  if (lower === 0) return `< ${kilobytes(limit)}`;
  if (limit === Number.POSITIVE_INFINITY) return `≥ ${kilobytes(lower)}`;
  return `${kilobytes(lower)} – ${kilobytes(limit)}`;
}

function formatMicroseconds(microseconds) {
  return Number.isNaN(microseconds) ? "" : `${microseconds.toFixed(0)} µs`;
}

function formatPercent(percent) {
  if (percent === undefined || Number.isNaN(percent)) return "–";
  return `${percent.toFixed(percent >= 10 ? 1 : 2)}%`;
}

function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  return cells.map((row, index) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ") + (index === 0 ? `\n${widths.map((width) => "-".repeat(width)).join("  ")}` : "")).join("\n");
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
