import type * as TypeScript from "typescript";

import { getLibraryOfPackage } from "../knowledge/index.js";
import { getBarePackageName } from "./import-path.js";
import { getPackageName, getTypeScript, normalizePackageName } from "./type-kind.js";

/**
 * Which source files of a typed program can see a type of some libraries. A type reaches a
 * file only through its imports (`import`, `export … from`, `require`, `import("pg").Pool`,
 * JSDoc imports), followed from module to module, or through a global: a script's declarations,
 * `declare global { … }`. An augmentation (`declare module "express" { interface Request { db:
 * Pool } }`) is part of the module it augments, for whatever imports `express`. So a file whose
 * imports lead to no file of the libraries, in a program where no global declaration leads to
 * one, holds no value of their types, and asking the checker about its values finds nothing at
 * the price of an inference each.
 *
 * The walk starts at the linted file, breadth first, and stops at the first file of a library:
 * a file that imports `pg` costs one step. The imports of the application's files are resolved
 * once per program, by the checker's own module resolution; a walk that finds nothing clears
 * every file it saw.
 *
 * An installed package is walked as one node, from the text of its files' imports: its relative
 * imports stay inside it, and each bare one (`import … from "bson"`) names the package it leads to
 * or a module some file declares or augments (`declare module "fs"` in `@types/node`). So a walk
 * through mongodb and its dependencies reads names, not module resolutions (the benchmark's
 * typed corpus: thousands of resolutions). A package sees at least what each of its files sees,
 * so it answers yes at least as often as they would: the walk never misses a library. A package
 * that the program does not hold leads nowhere, as its unresolved import would. A package one of
 * whose files imports a path outside it (`../../shared`) has its files' imports resolved, as the
 * application's are.
 */
interface ProgramImports {
  readonly checker: TypeScript.TypeChecker;
  /** Files whose declarations every file sees: scripts, and modules with `declare global`. */
  readonly globalFiles: readonly TypeScript.SourceFile[];
  /** The program's files, and its installed packages, read from them on first need. */
  readonly files: readonly TypeScript.SourceFile[];
  packages?: Packages;
  /**
   * The steps from each node (a file's resolved imports, a package's imported names), made on
   * first need and once per program, the one memo of the walk: every set of libraries walks the
   * same nodes. Made anew for each set, they cost the typed pass over the benchmark corpus about
   * 25 ms (the plugin: 170–188 ms before, 143–170 ms after, four cold passes each).
   */
  readonly nextNodes: Map<Node, readonly Node[]>;
  /** Per set of libraries (by its key): the answer per file or package. */
  readonly answers: Map<string, Map<Node, boolean>>;
  /**
   * The libraries the global declarations lead to, found by one walk for every set of libraries:
   * most walks from them reach none, and each set walked them again.
   */
  globalLibraries?: ReadonlySet<string>;
}

/** A step of the walk: a file of the application (or of a package walked file by file), or an installed package by name. */
type Node = TypeScript.SourceFile | string;

interface Packages {
  /** The files of each package, grouped once. */
  readonly files: Map<string, TypeScript.SourceFile[]>;
  /** Per module name: the files that declare it (`declare module "fs"`) or augment it (`declare module "express" { … }`). */
  readonly declarers: Map<string, TypeScript.SourceFile[]>;
}

/** Internal to TypeScript, stable since 2.x: the module specifiers the program resolved for a file, its augmentations, and the modules it declares. */
type SourceFileWithImports = TypeScript.SourceFile & {
  imports?: readonly TypeScript.StringLiteralLike[];
  moduleAugmentations?: readonly (TypeScript.StringLiteral | TypeScript.Identifier)[];
  ambientModuleNames?: readonly string[];
};

/** Null when the program's files do not expose their imports (another TypeScript): no answer. */
const programs = new WeakMap<TypeScript.Program, ProgramImports | null>();

/**
 * Whether some type of a library among `libraries` can be seen from the linted file. True when
 * the imports cannot be read, so a failure only costs time.
 */
export function fileCanSeeLibraryTypes(program: TypeScript.Program, sourceFile: TypeScript.Node, libraries: ReadonlySet<string>): boolean {
  let imports = programs.get(program);
  if (imports === undefined) {
    imports = readProgram(program, sourceFile);
    programs.set(program, imports);
  }
  if (!imports) return true;
  try {
    const key = getLibrariesKey(libraries);
    let answers = imports.answers.get(key);
    if (!answers) {
      answers = new Map();
      imports.answers.set(key, answers);
    }
    if (reaches(imports, answers, sourceFile as TypeScript.SourceFile, libraries)) return true;
    // Only a file that reaches no library pays for the walk from the global declarations, once per program.
    imports.globalLibraries ??= getReachedLibraries(imports, imports.globalFiles.map(toNode));
    for (const library of libraries) if (imports.globalLibraries.has(library)) return true;
    return false;
  } catch {
    return true;
  }
}

function readProgram(program: TypeScript.Program, sourceFile: TypeScript.Node): ProgramImports | null {
  const ts = getTypeScript(sourceFile);
  if (!ts) return null;
  try {
    const checker = program.getTypeChecker();
    const globalFiles: TypeScript.SourceFile[] = [];
    for (const file of program.getSourceFiles()) {
      const internal = file as SourceFileWithImports;
      if (!internal.imports) return null;
      if (!ts.isExternalModule(file)) globalFiles.push(file);
      if (internal.moduleAugmentations?.some((name) => ts.isIdentifier(name))) globalFiles.push(file);
    }
    return { checker, globalFiles, files: program.getSourceFiles(), nextNodes: new Map(), answers: new Map() };
  } catch {
    return null;
  }
}

/** Breadth first from `start` to the first library; a miss clears every node it saw. */
function reaches(program: ProgramImports, answers: Map<Node, boolean>, startFile: TypeScript.SourceFile, libraries: ReadonlySet<string>): boolean {
  const start = toNode(startFile);
  const known = answers.get(start);
  if (known !== undefined) return known;
  const seen = new Set<Node>([start]);
  const queue: Node[] = [start];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index] as Node;
    if (answers.get(node) === true || isLibrary(node, libraries)) {
      answers.set(start, true);
      return true;
    }
    if (answers.get(node) === false) continue;
    for (const next of getNextNodes(program, node)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  for (const node of seen) answers.set(node, false);
  return false;
}

/** Every library some node reachable from `starts` belongs to: a whole walk, with no early stop. */
function getReachedLibraries(program: ProgramImports, starts: readonly Node[]): ReadonlySet<string> {
  const libraries = new Set<string>();
  const seen = new Set<Node>(starts);
  const queue = [...seen];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index] as Node;
    const library = getNodeLibrary(node);
    if (library !== undefined) libraries.add(library);
    for (const next of getNextNodes(program, node)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return libraries;
}

/** The steps from a node: an installed package's imports by name, or a file's resolved imports. */
function getNextNodes(program: ProgramImports, node: Node): readonly Node[] {
  let next = program.nextNodes.get(node);
  if (!next) {
    next = typeof node === "string" ? getPackageImports(program, node) : getImportedFiles(program, node).map(toNode);
    program.nextNodes.set(node, next);
  }
  return next;
}

function isLibrary(node: Node, libraries: ReadonlySet<string>): boolean {
  const library = getNodeLibrary(node);
  return library !== undefined && libraries.has(library);
}

function getNodeLibrary(node: Node): string | undefined {
  const packageName = typeof node === "string" ? node : getFilePackage(node);
  return packageName === undefined ? undefined : getLibraryOfPackage(packageName)?.id;
}

/** A set of libraries by its members, made once per set: the rules ask with a few sets, per file. */
const librariesKeys = new WeakMap<ReadonlySet<string>, string>();

function getLibrariesKey(libraries: ReadonlySet<string>): string {
  let key = librariesKeys.get(libraries);
  if (key === undefined) {
    key = [...libraries].join(",");
    librariesKeys.set(libraries, key);
  }
  return key;
}

/** A file of an installed package is that package. */
function toNode(file: TypeScript.SourceFile): Node {
  return getFilePackage(file) ?? file;
}

/**
 * The package of a file, once per file: the walks of a program step on the same files again and
 * again, and a regular expression over a long path costs more than the step.
 */
const filePackages = new WeakMap<TypeScript.SourceFile, string | null>();

function getFilePackage(file: TypeScript.SourceFile): string | undefined {
  let packageName = filePackages.get(file);
  if (packageName === undefined) {
    packageName = file.fileName.includes("/node_modules/") ? (getPackageName(file.fileName) ?? null) : null;
    filePackages.set(file, packageName);
  }
  return packageName ?? undefined;
}

/** What an installed package's files import by a bare name: the packages, and the files that declare or augment those modules. */
function getPackageImports(program: ProgramImports, packageName: string): Node[] {
  const packages = getPackages(program);
  const read = readPackage(packages.files.get(packageName) ?? []);
  // A package that imports a path outside itself: its files' imports, as resolved.
  if (read.escaping) return (packages.files.get(packageName) ?? []).flatMap((file) => getImportedFiles(program, file).map(toNode));
  const nodes: Node[] = [];
  for (const name of read.imports) {
    // A package the program does not hold leads nowhere, as its unresolved import would.
    const imported = normalizePackageName(getBarePackageName(name));
    if (packages.files.has(imported)) nodes.push(imported);
    for (const file of packages.declarers.get(name) ?? []) nodes.push(toNode(file));
  }
  return nodes;
}

function getPackages(program: ProgramImports): Packages {
  program.packages ??= readPackages(program.files);
  return program.packages;
}

function readPackages(files: readonly TypeScript.SourceFile[]): Packages {
  const packages: Packages = { files: new Map(), declarers: new Map() };
  const add = (map: Map<string, TypeScript.SourceFile[]>, name: string, file: TypeScript.SourceFile): void => {
    const list = map.get(name);
    if (list) list.push(file);
    else map.set(name, [file]);
  };
  for (const file of files as readonly SourceFileWithImports[]) {
    for (const name of file.ambientModuleNames ?? []) add(packages.declarers, name, file);
    for (const name of file.moduleAugmentations ?? []) if ("text" in name && !isRelative(name.text)) add(packages.declarers, name.text, file);
    const packageName = getFilePackage(file);
    if (packageName !== undefined) add(packages.files, packageName, file);
  }
  return packages;
}

/** The modules a package's files import by a bare name (`bson`, `node:fs`, `pg/lib/x`), and whether one imports a relative path outside it. */
function readPackage(files: readonly TypeScript.SourceFile[]): { readonly imports: ReadonlySet<string>; readonly escaping: boolean } {
  const imports = new Set<string>();
  let escaping = false;
  for (const file of files as readonly SourceFileWithImports[]) {
    const root = getPackageRoot(file.fileName);
    for (const specifier of file.imports ?? []) {
      const text = specifier.text;
      if (!isRelative(text)) imports.add(text);
      // Only a path with `..` can leave the package.
      else if (text.includes("..") && (root === undefined || !joinPath(file.fileName, text).startsWith(root))) escaping = true;
    }
  }
  return { imports, escaping };
}

/** `./x`, `../x`, `/x`: a path, not a package or module name. */
function isRelative(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/") || specifier === "." || specifier === "..";
}

/** `…/node_modules/pg/lib/index.d.ts` → `…/node_modules/pg/`. */
function getPackageRoot(fileName: string): string | undefined {
  return /.*\/node_modules\/(?:@[^/]+\/)?[^/]+\//u.exec(fileName)?.[0];
}

/** The path a relative specifier of `fileName` names, `..` and `.` resolved. */
function joinPath(fileName: string, specifier: string): string {
  const parts = fileName.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return `${parts.join("/")}/`;
}

/** The files a file sees through its imports, by the checker's module resolution. */
function getImportedFiles(program: ProgramImports, file: TypeScript.SourceFile): readonly TypeScript.SourceFile[] {
  const specifiers = (file as SourceFileWithImports).imports ?? [];
  return specifiers.flatMap((specifier) => getModuleFiles(program.checker, specifier));
}

/**
 * The files that declare the module a specifier resolves to: its own file, and those that
 * augment it (`declare module "express" { … }`), since the checker merges them into one symbol.
 */
function getModuleFiles(checker: TypeScript.TypeChecker, specifier: TypeScript.Node): TypeScript.SourceFile[] {
  // A specifier TypeScript made up (`tslib`, `react/jsx-runtime`) has no parent to resolve from.
  if (!specifier.parent) return [];
  const declarations = checker.getSymbolAtLocation(specifier)?.declarations ?? [];
  return declarations.map((declaration) => declaration.getSourceFile());
}
