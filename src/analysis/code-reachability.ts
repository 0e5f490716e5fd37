import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./ast.js";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { LIFECYCLE_METHODS } from "../knowledge/bounded-caches.js";
import { getEnclosingFunction, getStaticPropertyName } from "./ast.js";
import { memoize } from "./file-context.js";

/**
 * Whether code can ever run: every named function around it is called or referenced somewhere
 * in the file, exported, a framework lifecycle hook, or a public method of a class that other
 * modules can see. A `clear()` method that nothing calls does not run; a callback passed to
 * `setInterval` or `emitter.on` does (its enclosing code runs).
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
    const uses = getPropertyIndex(file).get(name) ?? [];
    if (uses.some((use) => use.range[0] < fn.range[0] || use.range[1] > fn.range[1])) return true;
    const hidden = parent.key.type === AST_NODE_TYPES.PrivateIdentifier || parent.accessibility === "private" || parent.accessibility === "protected";
    return !hidden && isClassVisibleOutside(file, parent.parent.parent);
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
    return all.some((variable) => variable.references.some((reference) => isExportedUse(file, reference.identifier, 0)));
  });
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
 * Every place the file names a property: member expressions (`this.clear()`, `svc.reset`),
 * destructuring keys (`const { prune } = cache`) and string literals (`obj["flush"]`,
 * `setInterval(() => this[name]())` aside). Built in one walk per file; a method whose name is
 * here, outside its own body, may be called.
 */
export function getPropertyIndex(file: FileContext): ReadonlyMap<string, readonly TSESTree.Node[]> {
  return memoize(file, "property-index", file.sourceCode.ast, () => {
    const index = new Map<string, TSESTree.Node[]>();
    const add = (name: string | undefined, node: TSESTree.Node): void => {
      if (name === undefined) return;
      const list = index.get(name);
      if (list) list.push(node);
      else index.set(name, [node]);
    };
    const keys = file.sourceCode.visitorKeys;
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.MemberExpression) add(getStaticPropertyName(node), node);
      else if (node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectPattern) add(getStaticPropertyName(node), node);
      else if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string" && node.parent.type !== AST_NODE_TYPES.ImportDeclaration) {
        add(node.value, node);
      }
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const item of child) if (isNode(item)) visit(item);
        } else if (isNode(child)) visit(child);
      }
    };
    visit(file.sourceCode.ast);
    return index;
  });
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
