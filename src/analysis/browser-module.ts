import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { AnyRuleContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import {
  BROWSER_FILE_EXTENSIONS,
  BROWSER_GLOBALS,
  BROWSER_MODULES,
  BUILD_TOOL_MODULES,
  CLIENT_DIRECTIVES,
  FRONTEND_PACKAGE_MARKERS,
  PAGE_FUNCTION_METHODS,
  SERVER_BUILTINS,
  SERVER_DEFINED_BROWSER_GLOBALS,
  SERVER_PACKAGE_MARKERS,
} from "../knowledge/bounded-caches.js";
import { contains, getEnclosingFunction, getStaticPropertyName, isFunctionNode } from "./ast.js";
import { getFileContext, memoizeFile } from "./file-context.js";
import { getBarePackageName } from "./import-path.js";
import { getModuleSpecifiers } from "./library-evidence.js";
import { getOwnPackages } from "./project-packages.js";
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
    if ((isFrontendFile(context) || isFrontendPackage(context.filename)) && !specifiers.some(isServerBuiltin)) return true;
    const importsBrowserLibrary = specifiers.some((specifier) => BROWSER_MODULE_NAMES.has(getBarePackageName(specifier)));
    // What it does (a directive, the DOM): asked once per file, for this rule and the rules that ask only that.
    return importsBrowserLibrary || runsInBrowser(context);
  });
}

/**
 * The file's own package is a web front end by its `package.json`: it declares what renders a page
 * (`react-dom`, `vue`, `svelte`) and nothing that runs a server or a process of its own (an HTTP
 * framework, Next.js or SvelteKit, Electron, a database client). dbgate's `packages/web` (Svelte),
 * agripilot's Vite and React app beside its `server/` package.
 */
function isFrontendPackage(filename: string): boolean {
  const names = getOwnPackages(filename);
  return names.some((name) => FRONTEND_PACKAGE_MARKERS.includes(name)) && !names.some((name) => SERVER_PACKAGE_MARKERS.includes(name));
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
  const own = getBrowserGlobalReads(globalScope);
  return own.length > 0 && !own.some(isTypeofOperand);
}

/** The module's reads of browser globals, a page's functions left out. */
function getBrowserGlobalReads(globalScope: TSESLint.Scope.Scope | null): TSESTree.Identifier[] {
  if (!globalScope) return [];
  const references = globalScope.through.filter((reference) => BROWSER_GLOBAL_NAMES.has(reference.identifier.name));
  for (const name of BROWSER_GLOBALS) {
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0) references.push(...variable.references);
  }
  return references.map((reference) => reference.identifier as TSESTree.Identifier).filter((identifier) => !isInPageFunction(identifier));
}

function isTypeofOperand(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  return parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "typeof";
}

/**
 * Whether `node` runs only where a DOM exists, in a module that also runs on a server: the
 * function around it reads a browser global before it on every path and never asks whether one
 * exists with `typeof`, which a function written for both sides does. Megagig's module preloader
 * tests `typeof window` only for its start-up; its `createPreloadLink()` calls
 * `document.createElement("link")`, then records the link. On a server that read throws before
 * `node` is reached.
 */
export function runsAfterDomRead(context: AnyRuleContext, node: TSESTree.Node): boolean {
  const file = getFileContext(context);
  const reads = memoizeFile(file, "browser-global-reads", () => {
    const all = getBrowserGlobalReads(file.sourceCode.scopeManager?.globalScope ?? null);
    // A function that asks (`if (typeof AudioContext === "undefined") return`) is written for both sides.
    const asking = new Set(all.filter(isTypeofOperand).map(getEnclosingFunction));
    return all.filter((read) => !isTypeofOperand(read) && !SERVER_DEFINED_BROWSER_GLOBALS.includes(read.name) && !asking.has(getEnclosingFunction(read)));
  });
  return reads.some((read) => read.range[1] <= node.range[0] && alwaysRunsBefore(read, node));
}

/** `read` runs whenever `node` does, before it: no function, branch, `try` or `catch` lies between `read` and the first node around both. */
function alwaysRunsBefore(read: TSESTree.Node, node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node = read; current.parent; current = current.parent) {
    const parent = current.parent;
    // In a `try`, a throw goes on to the `catch` and what follows it.
    const caught = parent.type === AST_NODE_TYPES.TryStatement && current === parent.block;
    if (contains(parent, node)) return !isProgramLevel(parent) && !caught;
    if (caught || isFunctionNode(parent) || parent.type === AST_NODE_TYPES.CatchClause || parent.type === AST_NODE_TYPES.SwitchCase) return false;
    if (parent.type === AST_NODE_TYPES.IfStatement && current !== parent.test) return false;
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && current !== parent.test) return false;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && current === parent.right) return false;
  }
  return false;
}

/** The module's top level or a class body: a read there runs on import, not on the path to a call. */
function isProgramLevel(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.ClassBody;
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
