import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { ModuleExports } from "../knowledge/index.js";
import type { PostmortemSettings } from "../settings.js";
import type { ValueKind } from "./value-kind.js";

import { getModuleExports } from "../knowledge/index.js";
import { getPostmortemSettings } from "../settings.js";

/** Any rule's context: the analysis layer only reads `sourceCode` and `settings`. */
export type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * What the analysis layer knows about one file, computed once and shared by every rule that
 * lints it (found by the file's Program node, as in eslint-plugin-regexp; see `getFileContext`).
 */
export interface FileContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** The linted file's name, as ESLint gives it (absolute for a file on disk). */
  readonly filename: string;
  readonly settings: PostmortemSettings;
  /** Present only when the parser was given a TypeScript program. */
  readonly typeServices: ParserServicesWithTypeInformation | undefined;
  /** Memo of `getValueKind`, per node. */
  readonly kinds: Map<TSESTree.Node, ValueKind | null>;
  /**
   * Memo for the other analyses, keyed by analysis name then node. Plain maps: the whole
   * context is dropped with its file, and a WeakMap per analysis and file costs the collector.
   */
  readonly memo: Map<string, Map<TSESTree.Node, unknown>>;
  /** Memo of the analyses whose answer is about the whole file (`memoizeFile`), by analysis name. */
  readonly perFile: Map<string, unknown>;
  /** The file's call index (`call-index.ts`), filled by the first rule that asks for it. */
  callIndex: unknown;
}

/**
 * The file being linted, by its tree. ESLint and oxlint lint one file at a time: every rule of a
 * file is created, runs its listeners and reaches `Program:exit` before the next file is parsed, so
 * one slot holds the context for all of them, with no `WeakMap` entry per file (measured: its
 * `set` and `get` cost about 3 ms per pass over the benchmark corpus). A tree asked about again
 * after another one would get a new context and compute its memo again: slower, never wrong. The
 * tree is kept apart from the context's `sourceCode`, which oxlint reuses from one file to the next.
 */
let lastAst: TSESTree.Program | undefined;
let lastFile: FileContext | undefined;

export function getFileContext(context: AnyRuleContext): FileContext {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  if (ast === lastAst && lastFile) return lastFile;
  lastAst = ast;
  const created: FileContext = {
    sourceCode,
    filename: context.filename,
    settings: getPostmortemSettings(context.settings),
    typeServices: getTypeServices(sourceCode),
    kinds: new Map(),
    memo: new Map(),
    perFile: new Map(),
    callIndex: undefined,
  };
  return (lastFile = created);
}

/** Memoise `compute(node)` per file under `analysis`. */
export function memoize<T>(file: FileContext, analysis: string, node: TSESTree.Node, compute: () => T): T {
  let table = file.memo.get(analysis);
  if (!table) {
    table = new Map();
    file.memo.set(analysis, table);
  }
  if (table.has(node)) return table.get(node) as T;
  const value = compute();
  table.set(node, value);
  return value;
}

/**
 * Memoise `compute()`, an answer about the whole file, under `analysis`: one lookup in one map
 * per file, where `memoize` keyed by the Program node would make a table per analysis and file.
 */
export function memoizeFile<T>(file: FileContext, analysis: string, compute: () => T): T {
  const table = file.perFile;
  if (table.has(analysis)) return table.get(analysis) as T;
  const value = compute();
  table.set(analysis, value);
  return value;
}

function getTypeServices(sourceCode: Readonly<TSESLint.SourceCode>): ParserServicesWithTypeInformation | undefined {
  const services = sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (services?.program && services.esTreeNodeToTSNodeMap) return services as ParserServicesWithTypeInformation;
  return undefined;
}

/**
 * What a module exports: the knowledge base for library packages, `settings.postmortem.modules`
 * for the application's own modules (matched by path suffix, so `./db` also matches `../db`).
 */
export function getExportsOfModule(file: FileContext, specifier: string): ModuleExports | undefined {
  const fromSettings = findModuleSetting(file.settings, specifier);
  if (fromSettings) return fromSettings;
  return getModuleExports(specifier);
}

function findModuleSetting(settings: PostmortemSettings, specifier: string): ModuleExports | undefined {
  const exact = settings.modules[specifier];
  if (exact) return exact;
  if (!hasModuleSettings(settings)) return undefined;
  const wanted = normalizeSpecifier(specifier);
  for (const [key, exports] of Object.entries(settings.modules)) {
    const candidate = normalizeSpecifier(key);
    if (candidate === "" || wanted === "") continue;
    if (wanted === candidate || wanted.endsWith(`/${candidate}`) || candidate.endsWith(`/${wanted}`)) return exports;
  }
  return undefined;
}

/** Whether `settings.postmortem.modules` declares any module of the application. */
export function hasModuleSettings(settings: PostmortemSettings): boolean {
  return Object.keys(settings.modules).length > 0;
}

function normalizeSpecifier(specifier: string): string {
  return specifier
    .replace(/^(?:\.{1,2}\/)+/u, "")
    .replace(/^[~@#]\//u, "")
    .replace(/\.(?:[cm]?[jt]sx?)$/u, "")
    .replace(/\/index$/u, "");
}
