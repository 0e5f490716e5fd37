import type * as TypeScript from "typescript";

import { getLibraryOfPackage } from "../knowledge/index.js";
import { getPackageName, getTypeScript } from "./type-kind.js";

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
 * a file that imports `pg` costs one step. The imports of a file are resolved once per program,
 * by the checker's own module resolution; a walk that finds nothing clears every file it saw.
 */
interface ProgramImports {
  readonly checker: TypeScript.TypeChecker;
  /** The files each file sees through its imports, resolved on first need. */
  readonly imports: Map<TypeScript.SourceFile, readonly TypeScript.SourceFile[]>;
  /** Files whose declarations every file sees: scripts, and modules with `declare global`. */
  readonly globalFiles: readonly TypeScript.SourceFile[];
  /** Per set of libraries (by its key): the answer per file, and whether a global file reaches one. */
  readonly answers: Map<string, { readonly reaches: Map<TypeScript.SourceFile, boolean>; global?: boolean }>;
}

/** Internal to TypeScript, stable since 2.x: the module specifiers the program resolved for a file, and its augmentations. */
type SourceFileWithImports = TypeScript.SourceFile & { imports?: readonly TypeScript.Node[]; moduleAugmentations?: readonly TypeScript.Node[] };

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
    const key = [...libraries].join(",");
    let answers = imports.answers.get(key);
    if (!answers) {
      answers = { reaches: new Map() };
      imports.answers.set(key, answers);
    }
    if (reaches(imports, answers.reaches, sourceFile as TypeScript.SourceFile, libraries)) return true;
    // Only a file that reaches no library pays for the walk from the global declarations, once per program.
    answers.global ??= imports.globalFiles.some((file) => reaches(imports, answers.reaches, file, libraries));
    return answers.global;
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
    return { checker, imports: new Map(), globalFiles, answers: new Map() };
  } catch {
    return null;
  }
}

/** Breadth first from `start` to the first file of a library; a miss clears every file it saw. */
function reaches(program: ProgramImports, answers: Map<TypeScript.SourceFile, boolean>, start: TypeScript.SourceFile, libraries: ReadonlySet<string>): boolean {
  const known = answers.get(start);
  if (known !== undefined) return known;
  const seen = new Set([start]);
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const file = queue[index] as TypeScript.SourceFile;
    if (answers.get(file) === true || isLibraryFile(file, libraries)) {
      answers.set(start, true);
      return true;
    }
    if (answers.get(file) === false) continue;
    for (const next of getImportedFiles(program, file)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  for (const file of seen) answers.set(file, false);
  return false;
}

function isLibraryFile(file: TypeScript.SourceFile, libraries: ReadonlySet<string>): boolean {
  const packageName = getPackageName(file.fileName);
  const library = packageName === undefined ? undefined : getLibraryOfPackage(packageName)?.id;
  return library !== undefined && libraries.has(library);
}

function getImportedFiles(program: ProgramImports, file: TypeScript.SourceFile): readonly TypeScript.SourceFile[] {
  let files = program.imports.get(file);
  if (!files) {
    const specifiers = (file as SourceFileWithImports).imports ?? [];
    files = specifiers.flatMap((specifier) => getModuleFiles(program.checker, specifier));
    program.imports.set(file, files);
  }
  return files;
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
