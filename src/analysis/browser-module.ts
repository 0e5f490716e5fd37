import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { AnyRuleContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { BROWSER_FILE_EXTENSIONS, BROWSER_GLOBALS, BROWSER_MODULES, BUILD_TOOL_MODULES, CLIENT_DIRECTIVES, PAGE_FUNCTION_METHODS, SERVER_BUILTINS } from "../knowledge/bounded-caches.js";
import { getStaticPropertyName, isFunctionNode } from "./ast.js";
import { getFileContext, memoizeFile } from "./file-context.js";
import { getBarePackageName } from "./import-path.js";
import { getModuleSpecifiers } from "./library-evidence.js";
import { isFrontendFile, isStaticAssetFile } from "./run-once.js";

/**
 * Whether the file is browser code: a component file (`.tsx`, `.jsx`), a static asset (under
 * `public/` or `static/`), a file of a front end (under `frontend/`) that imports no Node
 * built-in only a server has (`fs`, `child_process`; a page's bundle cannot), a `"use client"` module,
 * a module that imports a UI framework, client store or browser library (`react`, `mobx`,
 * `phaser`, `jquery`), or one that uses the DOM (`document`, `window`, `localStorage`) without
 * ever asking whether it exists (`typeof window !== "undefined"` marks code that also runs on a
 * server). Memoised per file.
 */
export function isBrowserModule(context: AnyRuleContext): boolean {
  const file = getFileContext(context);
  return memoizeFile(file, "browser-module", () => {
    if (isComponentFile(context.filename) || isStaticAssetFile(context)) return true;
    const specifiers = getModuleSpecifiers(file);
    if (isFrontendFile(context) && !specifiers.some(isServerBuiltin)) return true;
    const importsBrowserLibrary = specifiers.some((specifier) => BROWSER_MODULE_NAMES.has(getBarePackageName(specifier)));
    // What it does (a directive, the DOM): asked once per file, for this rule and the rules that ask only that.
    return importsBrowserLibrary || runsInBrowser(context);
  });
}

/** Whether the module imports a compiler or a bundler (`typescript`, `webpack`): it runs in a build, not in a server. */
export function isBuildToolModule(context: AnyRuleContext): boolean {
  return getModuleSpecifiers(getFileContext(context)).some((specifier) => BUILD_TOOL_MODULES.includes(getBarePackageName(specifier)));
}

/**
 * Whether the module runs in a browser or a web view by what it does: a `"use client"` module, or
 * one that uses the DOM without asking whether it exists. Not by its name or imports, which
 * `isBrowserModule` also reads: a component file that imports React may be a server component
 * that queries its database. Saltcorn's mobile app reads its local SQLite this way.
 */
export function runsInBrowser(context: AnyRuleContext): boolean {
  const file = getFileContext(context);
  return memoizeFile(file, "browser-runtime", () => hasClientDirective(file.sourceCode.ast) || usesDomUnguarded(file.sourceCode.scopeManager?.globalScope ?? null));
}

/** Directives open the program: the first statement that is none ends them. */
function hasClientDirective(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
    if (CLIENT_DIRECTIVES.includes(statement.directive)) return true;
  }
  return false;
}

/** A component file (`.tsx`, `.jsx`): browser code by its name alone, the cheapest part of `isBrowserModule`. */
export function isComponentFile(filename: string): boolean {
  return BROWSER_FILE_EXTENSIONS.some((extension) => filename.endsWith(extension));
}

const SERVER_BUILTIN_NAMES: ReadonlySet<string> = new Set(SERVER_BUILTINS);

/** `node:fs`, `fs/promises`, `child_process`: a module only Node (or a server runtime) provides, and no bundler polyfills. */
function isServerBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || SERVER_BUILTIN_NAMES.has(getBarePackageName(specifier));
}

const BROWSER_GLOBAL_NAMES: ReadonlySet<string> = new Set(BROWSER_GLOBALS);
const BROWSER_MODULE_NAMES: ReadonlySet<string> = new Set(BROWSER_MODULES);

const PAGE_FUNCTION_METHOD_NAMES: ReadonlySet<string> = new Set(PAGE_FUNCTION_METHODS);

/**
 * The module reads a browser global (`document.createElement("a")`) and never tests one with
 * `typeof`. A global the parser does not know stays unresolved; one it knows (the `DOM` lib of a
 * typed project, configured globals) is a variable with no definition. A read inside a function
 * a headless browser runs in its page (`page.evaluate(() => document.title)`) is the page's.
 */
function usesDomUnguarded(globalScope: TSESLint.Scope.Scope | null): boolean {
  if (!globalScope) return false;
  const references = globalScope.through.filter((reference) => BROWSER_GLOBAL_NAMES.has(reference.identifier.name));
  for (const name of BROWSER_GLOBALS) {
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0) references.push(...variable.references);
  }
  const own = references.filter((reference) => !isInPageFunction(reference.identifier));
  if (own.length === 0) return false;
  return !own.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "typeof";
  });
}

/** `page.evaluate(() => document.title)`: `node` is in a function handed to a method that runs it in a browser's page. */
function isInPageFunction(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const call = current.parent;
    if (
      isFunctionNode(current) &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments.includes(current as TSESTree.CallExpressionArgument) &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      PAGE_FUNCTION_METHOD_NAMES.has(getStaticPropertyName(call.callee) ?? "")
    ) {
      return true;
    }
  }
  return false;
}
