import type { TSESTree } from "@typescript-eslint/utils";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import { getRequiredModule, getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { memoize } from "./file-context.js";

/**
 * Where an expression comes from, by name: a module and a path of export and member names
 * (`import { v4 } from "uuid"; v4` → `uuid` `["v4"]`; `import * as uuid from "uuid"; uuid.v4` →
 * the same; `import moment from "moment"` → `moment` `["default"]`), or a global object
 * (`module: null`, `Date.now` → `["Date", "now"]`). A `()` segment means "what calling it
 * or constructing it returns" (`const id = customAlphabet(…)`, `new sql.ConnectionPool(…)`). An
 * empty path is the module namespace itself.
 */
export interface ImportPath {
  readonly module: string | null;
  readonly path: readonly string[];
}

const { DefinitionType } = TSESLint.Scope;

/** How many variables `getImportPath` follows (`const { Types } = mongoose; Types.ObjectId`). */
const MAX_HOPS = 4;

export function getImportPath(file: FileContext, node: TSESTree.Node): ImportPath | null {
  return memoize(file, "importPath", node, () => pathOf(file, node, 0));
}

function pathOf(file: FileContext, raw: TSESTree.Node, hops: number): ImportPath | null {
  const node = skipExpressionWrappers(raw);
  switch (node.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticPropertyName(node);
      const object = name === undefined ? null : pathOf(file, node.object, hops);
      return object && name !== undefined ? { module: object.module, path: [...object.path, name] } : null;
    }
    case AST_NODE_TYPES.CallExpression: {
      const required = getRequiredModule(node);
      if (required !== undefined) return { module: required, path: [] };
      const callee = pathOf(file, node.callee, hops);
      return callee ? { module: callee.module, path: [...callee.path, "()"] } : null;
    }
    case AST_NODE_TYPES.NewExpression: {
      const callee = pathOf(file, node.callee, hops);
      return callee ? { module: callee.module, path: [...callee.path, "()"] } : null;
    }
    case AST_NODE_TYPES.Identifier:
      return pathOfIdentifier(file, node, hops);
    default:
      return null;
  }
}

/**
 * Where a type name is imported from, type-only imports included (`import type { Context } from
 * "@azure/functions"`, then `azureContext: Context` → `@azure/functions` `["Context"]`).
 */
export function getTypeImportPath(file: FileContext, name: TSESTree.Identifier): ImportPath | null {
  return pathOfIdentifier(file, name, MAX_HOPS, true);
}

function pathOfIdentifier(file: FileContext, node: TSESTree.Identifier, hops: number, types = false): ImportPath | null {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  if (!variable || variable.defs.length === 0) return { module: null, path: [node.name] };
  const def = variable.defs[0];
  if (!def || variable.defs.length > 1) return null;
  if (def.type === DefinitionType.ImportBinding) {
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = specifier.moduleReference;
      return reference.type === AST_NODE_TYPES.TSExternalModuleReference ? { module: reference.expression.value, path: [] } : null;
    }
    if (def.parent?.type !== AST_NODE_TYPES.ImportDeclaration || (def.parent.importKind === "type" && !types)) return null;
    const module = def.parent.source.value;
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, path: [] };
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, path: ["default"] };
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || (specifier.importKind === "type" && !types)) return null;
    const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
    return { module, path: [imported] };
  }
  if (def.type !== DefinitionType.Variable || hops >= MAX_HOPS) return null;
  const declarator = def.node;
  // `let pool; … pool = new sql.ConnectionPool(…)`: one assignment and no initialiser is one origin too.
  if (declarator.parent.kind !== "const" && !declarator.init && declarator.id === def.name) {
    const writes = variable.references.filter((reference) => reference.isWrite());
    const only = writes.length === 1 ? writes[0]!.writeExpr : undefined;
    return only && only.parent?.type === AST_NODE_TYPES.AssignmentExpression && only.parent.operator === "=" ? pathOf(file, only, hops + 1) : null;
  }
  if (declarator.parent.kind !== "const" || !declarator.init) return null;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return pathOf(file, declarator.init, hops + 1);
  // `const { v4: uuidv4 } = require("uuid")`, `const { Types } = mongoose`.
  const property = def.name.parent;
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || property?.type !== AST_NODE_TYPES.Property || property.parent !== declarator.id) {
    return null;
  }
  const key = getStaticPropertyName(property);
  const object = key === undefined ? null : pathOf(file, declarator.init, hops + 1);
  return object && key !== undefined ? { module: object.module, path: [...object.path, key] } : null;
}

/** The package a specifier names (`react-dom/client` → `react-dom`, `@angular/core/testing` → `@angular/core`). */
export function getBarePackageName(specifier: string): string {
  const first = specifier.indexOf("/");
  if (first === -1) return specifier;
  if (!specifier.startsWith("@")) return specifier.slice(0, first);
  const second = specifier.indexOf("/", first + 1);
  return second === -1 ? specifier : specifier.slice(0, second);
}
