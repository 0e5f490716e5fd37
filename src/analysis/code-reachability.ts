import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./ast.js";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { LIFECYCLE_METHODS } from "../knowledge/bounded-caches.js";
import { getEnclosingFunction, getNodeAt, getOutermostWrapper, getStaticPropertyName, isHiddenMember } from "./ast.js";
import { memoize } from "./file-context.js";

/**
 * Whether code can ever run: every named function around it is called or referenced somewhere
 * in the file, exported, a framework lifecycle hook, a public method of a class that other
 * modules can see, or a protected or `override` method of a class that extends another. A
 * `clear()` method that nothing calls does not run; a callback passed to `setInterval` or
 * `emitter.on` does (its enclosing code runs).
 */
export function isCodeReachable(file: FileContext, node: TSESTree.Node): boolean {
  for (let fn = getEnclosingFunction(node); fn; fn = getEnclosingFunction(fn)) {
    if (!isFunctionUsed(file, fn)) return false;
  }
  return true;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

function isFunctionUsed(file: FileContext, fn: FunctionNode): boolean {
  return memoize(file, "function-used", fn, () => computeFunctionUsed(file, fn));
}

function computeFunctionUsed(file: FileContext, fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    if (isExportStatement(parent)) return true;
    return isReferencedOutside(file, file.sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [], fn);
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    if (isExportStatement(parent.parent.parent)) return true;
    return isReferencedOutside(file, file.sourceCode.scopeManager?.getDeclaredVariables(parent) ?? [], fn);
  }
  if ((parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) && parent.value === fn) {
    const name = getStaticPropertyName(parent);
    if (name === undefined || (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === "constructor") || LIFECYCLE_METHODS.includes(name)) return true;
    const uses = getPropertyUses(file, name);
    if (uses.some((use) => use.range[0] < fn.range[0] || use.range[1] > fn.range[1])) return true;
    const classNode = parent.parent.parent;
    // A protected or `override` method of a class that extends another is there for its base class
    // to call (grist's `TableData.onRemoveColumn`, called by `ActionDispatcher.dispatchAction`).
    if (classNode.superClass && (parent.accessibility === "protected" || parent.override)) return true;
    return !isHiddenMember(parent) && isClassVisibleOutside(file, classNode);
  }
  // Callbacks, IIFEs, object-literal methods: they run when the code around them runs.
  return true;
}

function isReferencedOutside(file: FileContext, variables: readonly { references: readonly { identifier: TSESTree.Node; init?: boolean | null }[] }[], fn: FunctionNode): boolean {
  for (const variable of variables) {
    for (const reference of variable.references) {
      if (reference.init) continue;
      const [start, end] = reference.identifier.range;
      if (start < fn.range[0] || end > fn.range[1]) return true;
    }
  }
  return false;
}

function isExportStatement(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** Whether other modules can reach the class or an instance of it. */
export function isClassVisibleOutside(file: FileContext, classNode: ClassNode): boolean {
  return memoize(file, "class-visible", classNode, () => {
    if (isExportStatement(classNode.parent) || isModuleExportsStatement(getTopStatement(classNode))) return true;
    const variables = file.sourceCode.scopeManager?.getDeclaredVariables(classNode) ?? [];
    const declarator = classNode.parent.type === AST_NODE_TYPES.VariableDeclarator ? classNode.parent : null;
    if (declarator && isExportStatement(declarator.parent.parent)) return true;
    const all = declarator ? [...variables, ...(file.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [])] : variables;
    return all.some((variable) => variable.references.some((reference) => isExportedUse(file, reference.identifier, 0) || isInstanceHandedOut(file, reference.identifier)));
  });
}

/**
 * `return new Tool(…)`, `const tool = new Tool(…); return tool`, `register(new Tool(…))`: an
 * instance made here leaves the file, and code elsewhere can call its public methods (Flowise's
 * `WebScraperRecursiveTool`, whose `_call` LangChain calls).
 */
function isInstanceHandedOut(file: FileContext, identifier: TSESTree.Node): boolean {
  const creation = identifier.parent;
  if (creation?.type !== AST_NODE_TYPES.NewExpression || creation.callee !== identifier) return false;
  const outer = getOutermostWrapper(creation);
  if (isHandedOut(outer)) return true;
  const declarator = outer.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== outer) return false;
  return (file.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? []).some((variable) =>
    variable.references.some((reference) => !reference.init && isHandedOut(getOutermostWrapper(reference.identifier))),
  );
}

/** The value is returned, is an arrow function's result, or is an argument of a call. */
function isHandedOut(value: TSESTree.Node): boolean {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression) return parent.body === value;
  return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(value as TSESTree.CallExpressionArgument);
}

/** A reference to the class (or to an instance held in a module variable) in an export. */
function isExportedUse(file: FileContext, identifier: TSESTree.Node, depth: number): boolean {
  const statement = getTopStatement(identifier);
  if (isExportStatement(statement) || isModuleExportsStatement(statement)) {
    // `export const service = new Service()` or `export { Service }`.
    return true;
  }
  if (depth > 0 || statement?.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  // `const service = new Service(); export default service;`
  return statement.declarations.some((declarator) =>
    (file.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? []).some((variable) =>
      variable.references.some((reference) => !reference.init && isExportedUse(file, reference.identifier, depth + 1)),
    ),
  );
}

function getTopStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current.parent ? current : undefined;
}

function isModuleExportsStatement(statement: TSESTree.Node | undefined): boolean {
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  let left: TSESTree.Node = statement.expression.left;
  while (left.type === AST_NODE_TYPES.MemberExpression) left = left.object;
  return left.type === AST_NODE_TYPES.Identifier && (left.name === "module" || left.name === "exports");
}

/**
 * Every place the file names the property `name`: member expressions (`this.clear()`,
 * `svc.reset`), destructuring keys (`const { prune } = cache`) and string literals
 * (`obj["flush"]`, `setInterval(() => this[name]())` aside), in source order. Found from the
 * occurrences of the name in the text, each resolved to the node at that position, so a file
 * costs nothing until a rule asks about a name; memoised per file and name.
 */
export function getPropertyUses(file: FileContext, name: string): readonly TSESTree.Node[] {
  let byName = propertyUses.get(file);
  if (!byName) {
    byName = new Map();
    propertyUses.set(file, byName);
  }
  const existing = byName.get(name);
  if (existing) return existing;
  const uses = findPropertyUses(file, name);
  byName.set(name, uses);
  return uses;
}

const propertyUses = new WeakMap<FileContext, Map<string, readonly TSESTree.Node[]>>();

/**
 * The calls of a method by its name (`x.name(…)`, `this.name(…)`) when every use of the name in
 * the file is such a call; null when the name is also read, destructured or written as a string,
 * for then it may be called where the file does not show.
 */
export function getMethodCallsOnly(file: FileContext, name: string): readonly TSESTree.CallExpression[] | null {
  const calls: TSESTree.CallExpression[] = [];
  for (const use of getPropertyUses(file, name)) {
    const call = use.parent;
    if (use.type !== AST_NODE_TYPES.MemberExpression || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) return null;
    calls.push(call);
  }
  return calls;
}

function findPropertyUses(file: FileContext, name: string): TSESTree.Node[] {
  const bare = name.startsWith("#") ? name.slice(1) : name;
  const text = file.sourceCode.text;
  const uses: TSESTree.Node[] = [];
  if (bare === "") return uses;
  for (let index = text.indexOf(bare); index !== -1; index = text.indexOf(bare, index + bare.length)) {
    if (IDENTIFIER_PART.test(text[index - 1] ?? "") || IDENTIFIER_PART.test(text[index + bare.length] ?? "")) continue;
    let node = getNodeAt(file.sourceCode, index);
    if (node.type === AST_NODE_TYPES.Literal) {
      if (node.value === name && node.parent.type !== AST_NODE_TYPES.ImportDeclaration) uses.push(node);
    } else if (node.type === AST_NODE_TYPES.TemplateElement) {
      node = node.parent;
    } else if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.PrivateIdentifier) {
      continue;
    }
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && getStaticPropertyName(parent) === name) uses.push(parent);
    else if (
      parent?.type === AST_NODE_TYPES.Property &&
      parent.parent.type === AST_NODE_TYPES.ObjectPattern &&
      (parent.key === node || (parent.shorthand && parent.value === node)) &&
      getStaticPropertyName(parent) === name
    ) {
      uses.push(parent);
    }
  }
  // Parents before their children, as a walk of the tree would list them.
  return uses.sort((left, right) => left.range[0] - right.range[0] || right.range[1] - left.range[1]);
}

const IDENTIFIER_PART = /[\p{ID_Continue}$\u200C\u200D]/u;
