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
    directoryExists: (name) => name === DIR || base.directoryExists?.(name) === true,
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
  return ts.createProgram([...virtual.keys()], options, host);
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

  it("answers yes when the program's files do not expose their imports", () => {
    const program = createProgram({ "plain.ts": PLAIN });
    const sourceFile = program.getSourceFile(path.join(DIR, "plain.ts")) as ts.SourceFile;
    const withoutImports = new Proxy(program, {
      get: (target, key) => (key === "getSourceFiles" ? () => target.getSourceFiles().map((file) => ({ ...file, imports: undefined })) : (Reflect.get(target, key) as unknown)),
    });
    expect(fileCanSeeLibraryTypes(withoutImports, sourceFile, PG)).toBe(true);
  });
});
