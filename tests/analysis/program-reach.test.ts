import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

import { fileCanSeeLibraryTypes } from "../../src/analysis/program-reach.js";
import { FIXTURES_DIR } from "../rule-tester.js";

/**
 * Which files of a typed program a library's types can reach: through imports followed from
 * module to module, a global declaration, or an augmentation of a module the file sees. The
 * programs are built in memory beside the fixtures, so `pg` resolves to the installed
 * `@types/pg`.
 */
const DIR = path.join(FIXTURES_DIR, "reach");
const PG = new Set(["pg"]);

const sharedFiles = new Map<string, ts.SourceFile>();

function createProgram(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, types: [] };
  const base = ts.createCompilerHost(options);
  const virtual = new Map(Object.entries(files).map(([name, text]) => [path.join(DIR, name), text]));
  const host: ts.CompilerHost = {
    ...base,
    directoryExists: (name) => name === DIR || [...virtual.keys()].some((file) => file.startsWith(`${name}/`)) || base.directoryExists?.(name) === true,
    fileExists: (fileName) => virtual.has(fileName) || base.fileExists(fileName),
    readFile: (fileName) => virtual.get(fileName) ?? base.readFile(fileName),
    getSourceFile: (fileName, languageVersion, ...rest) => {
      const text = virtual.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
      // The library and `lib` files are parsed once for all programs.
      let shared = sharedFiles.get(fileName);
      if (!shared) {
        shared = base.getSourceFile(fileName, languageVersion, ...rest);
        if (shared) sharedFiles.set(fileName, shared);
      }
      return shared;
    },
  };
  // A package's manifest is read by module resolution, not compiled.
  return ts.createProgram([...virtual.keys()].filter((name) => !name.endsWith(".json")), options, host);
}

function canSee(files: Record<string, string>, name: string, libraries: ReadonlySet<string> = PG): boolean {
  const program = createProgram(files);
  const sourceFile = program.getSourceFile(path.join(DIR, name));
  if (!sourceFile) throw new Error(`${name} is not in the program`);
  return fileCanSeeLibraryTypes(program, sourceFile, libraries);
}

const DB = 'import { Pool } from "pg";\nexport const pool = new Pool();\n';
const PLAIN = "export const cache = new Map<string, string>();\n";

describe("analysis: files a library's types can reach", () => {
  it("sees a library the file imports", () => {
    expect(canSee({ "db.ts": DB, "plain.ts": PLAIN }, "db.ts")).toBe(true);
  });

  it("sees a library through the application's own modules", () => {
    const files = { "db.ts": DB, "repo.ts": 'export { pool } from "./db.js";\n', "route.ts": 'import { pool } from "./repo.js";\nexport const rows = pool.query("select 1");\n' };
    expect(canSee(files, "route.ts")).toBe(true);
  });

  it("sees a library through an import type", () => {
    const files = { "db.ts": DB, "use.ts": 'export declare const pool: import("pg").Pool;\n' };
    expect(canSee(files, "use.ts")).toBe(true);
  });

  it("does not see a library no import of the file leads to", () => {
    const files = { "db.ts": DB, "plain.ts": PLAIN, "view.ts": 'import { cache } from "./plain.js";\nexport const hit = cache.get("a");\n' };
    expect(canSee(files, "view.ts")).toBe(false);
    expect(canSee(files, "plain.ts")).toBe(false);
  });

  it("does not see a library of another set", () => {
    expect(canSee({ "db.ts": DB }, "db.ts", new Set(["ioredis"]))).toBe(false);
  });

  it("sees a library that a `declare global` leads to, from every file", () => {
    const global = 'import type { Pool } from "pg";\ndeclare global { var pool: Pool; }\nexport {};\n';
    expect(canSee({ "global.ts": global, "plain.ts": PLAIN }, "plain.ts")).toBe(true);
    // Its neighbour: a `declare global` that leads to no library.
    expect(canSee({ "global.ts": "declare global { var started: number; }\nexport {};\n", "db.ts": DB, "plain.ts": PLAIN }, "plain.ts")).toBe(false);
  });

  it("sees a library that a script's declarations name, from every file", () => {
    expect(canSee({ "globals.d.ts": 'declare var pool: import("pg").Pool;\n', "plain.ts": PLAIN }, "plain.ts")).toBe(true);
  });

  it("sees a library that an augmentation adds to a module the file imports", () => {
    const base = "export interface Request { url: string }\n";
    const augmentation = 'import type { Pool } from "pg";\ndeclare module "./base.js" { interface Request { db: Pool } }\n';
    const route = 'import type { Request } from "./base.js";\nexport const handle = (request: Request) => request.db;\n';
    expect(canSee({ "base.ts": base, "augment.ts": augmentation, "route.ts": route }, "route.ts")).toBe(true);
    // Its neighbour: the same module without the augmentation.
    expect(canSee({ "base.ts": base, "db.ts": DB, "route.ts": route }, "route.ts")).toBe(false);
  });

  // An installed package is walked as one node, from the names its files import.
  const pkg = (name: string, index: string, extra: Record<string, string> = {}): Record<string, string> => ({
    [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: "1.0.0", types: "index.d.ts" }),
    [`node_modules/${name}/index.d.ts`]: index,
    ...Object.fromEntries(Object.entries(extra).map(([file, text]) => [`node_modules/${name}/${file}`, text])),
  });
  const useWrapper = 'import { open } from "wrapper";\nexport const db = open();\n';

  it("sees a library through an installed package that imports it, from one of its inner files", () => {
    const wrapper = pkg("wrapper", 'export * from "./lib/open.js";\n', { "lib/open.d.ts": 'import type { Pool } from "pg";\nexport declare function open(): Pool;\n' });
    expect(canSee({ ...wrapper, "use.ts": useWrapper }, "use.ts")).toBe(true);
    // Its neighbour: a package whose files import no library.
    expect(canSee({ ...pkg("wrapper", "export declare function open(): Map<string, string>;\n"), "use.ts": useWrapper }, "use.ts")).toBe(false);
  });

  it("sees a library through a module that an installed package declares", () => {
    const declaring = pkg("declaring", 'declare module "virtual-db" {\n  export { Pool as Handle } from "pg";\n}\n');
    const wrapper = pkg("wrapper", 'import type { Handle } from "virtual-db";\nexport declare function open(): Handle;\n');
    const files = { ...declaring, ...wrapper, "use.ts": `/// <reference types="declaring" />\n${useWrapper}` };
    expect(canSee(files, "use.ts")).toBe(true);
  });

  it("sees a library that one installed package adds to a module another one imports", () => {
    const base = pkg("base", "export interface Options { url: string }\n");
    const augmenter = pkg("augmenter", 'import type { Pool } from "pg";\ndeclare module "base" {\n  interface Options { pool: Pool }\n}\nexport {};\n');
    const wrapper = pkg("wrapper", 'import type { Options } from "base";\nexport declare function open(options: Options): Options;\n');
    const files = { ...base, ...augmenter, ...wrapper, "setup.ts": 'import "augmenter";\n', "use.ts": useWrapper.replace("open()", 'open({ url: "" })') };
    expect(canSee(files, "use.ts")).toBe(true);
    // Its neighbour: the augmenting package is not in the program.
    expect(canSee({ ...base, ...wrapper, "use.ts": useWrapper.replace("open()", 'open({ url: "" })') }, "use.ts")).toBe(false);
  });

  it("follows an installed package that imports a path outside itself file by file", () => {
    const wrapper = pkg("wrapper", 'export { open } from "../../shared.js";\n');
    const shared = 'import type { Pool } from "pg";\nexport declare function open(): Pool;\n';
    expect(canSee({ ...wrapper, "shared.ts": shared, "use.ts": useWrapper }, "use.ts")).toBe(true);
    expect(canSee({ ...wrapper, "shared.ts": PLAIN.replace("cache", "open"), "use.ts": useWrapper }, "use.ts")).toBe(false);
  });

  it("does not see a library an installed package names but the program does not hold", () => {
    // `mysql` (a module of the mysql2 library's knowledge) is not installed here: the import resolves to nothing.
    const wrapper = pkg("wrapper", 'import type { Pool } from "mysql";\nexport declare function open(): Pool;\n');
    expect(canSee({ ...wrapper, "use.ts": useWrapper }, "use.ts", new Set(["mysql2"]))).toBe(false);
  });

  it("answers every set of libraries from one walk of the global declarations, past the first library it finds", () => {
    const redis = pkg("ioredis", 'import type { Pool } from "pg";\nexport declare class Redis { pool: Pool }\n');
    const global = 'import type { Redis } from "ioredis";\ndeclare global { var redis: Redis; }\nexport {};\n';
    const program = createProgram({ ...redis, "global.ts": global, "plain.ts": PLAIN });
    const file = program.getSourceFile(path.join(DIR, "plain.ts")) as ts.SourceFile;
    expect(fileCanSeeLibraryTypes(program, file, new Set(["mysql2"]))).toBe(false);
    expect(fileCanSeeLibraryTypes(program, file, new Set(["ioredis"]))).toBe(true);
    // Through ioredis's own import of pg.
    expect(fileCanSeeLibraryTypes(program, file, PG)).toBe(true);
  });

  it("answers a second set of libraries through the steps a first walk read", () => {
    const wrapper = pkg("wrapper", 'import type { Pool } from "pg";\nexport declare function open(): Pool;\n');
    const program = createProgram({ ...wrapper, "use.ts": useWrapper, "other.ts": useWrapper });
    const use = program.getSourceFile(path.join(DIR, "use.ts")) as ts.SourceFile;
    const other = program.getSourceFile(path.join(DIR, "other.ts")) as ts.SourceFile;
    // The first walk reads the steps from use.ts and from the wrapper package, and finds no mysql2.
    expect(fileCanSeeLibraryTypes(program, use, new Set(["mysql2"]))).toBe(false);
    // The same steps lead another set to pg, from the same file and from another one.
    expect(fileCanSeeLibraryTypes(program, use, PG)).toBe(true);
    expect(fileCanSeeLibraryTypes(program, other, PG)).toBe(true);
    expect(fileCanSeeLibraryTypes(program, other, new Set(["mysql2"]))).toBe(false);
  });

  it("answers yes when the program's files do not expose their imports", () => {
    const program = createProgram({ "plain.ts": PLAIN });
    const sourceFile = program.getSourceFile(path.join(DIR, "plain.ts")) as ts.SourceFile;
    const withoutImports = new Proxy(program, {
      get: (target, key) => (key === "getSourceFiles" ? () => target.getSourceFiles().map((file) => ({ ...file, imports: undefined })) : (Reflect.get(target, key) as unknown)),
    });
    expect(fileCanSeeLibraryTypes(withoutImports, sourceFile, PG)).toBe(true);
  });
});
