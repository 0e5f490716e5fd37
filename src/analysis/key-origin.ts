import type { TSESTree } from "@typescript-eslint/utils";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import { isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { isFiniteTypeAt } from "./type-kind.js";

const { DefinitionType } = TSESLint.Scope;

const MAX_DEPTH = 4;

/**
 * Whether an expression can carry what a call was given: it reads a parameter (or a local made
 * from one), a caught error, or the result of a call whose source is unknown (`getContext()`).
 * Keys built only from module state, globals, literals and `this` do not: they come from code
 * (`for (const stack of Object.keys(GLOBAL.metadata))`). Method calls and property reads follow
 * their receiver (`Object.keys(x)` follows `x`; `req.get("id")` follows `req`).
 */
export function dependsOnCallInput(file: FileContext, raw: TSESTree.Node | undefined, depth = 0): boolean {
  if (!raw) return false;
  if (depth > MAX_DEPTH) return true;
  const node = skipExpressionWrappers(raw);
  const next = (child: TSESTree.Node | null | undefined): boolean => (child ? dependsOnCallInput(file, child, depth) : false);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.Super:
      return false;
    case AST_NODE_TYPES.Identifier:
      return identifierDepends(file, node, depth);
    case AST_NODE_TYPES.MemberExpression:
      return next(node.object) || (node.computed && next(node.property));
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const callee = skipExpressionWrappers(node.callee);
      if (node.arguments.some((argument) => next(argument))) return true;
      if (callee.type === AST_NODE_TYPES.MemberExpression) return next(callee.object);
      // A plain function called with nothing from the caller: it may read request context.
      return node.arguments.length === 0 && node.type === AST_NODE_TYPES.CallExpression;
    }
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.UnaryExpression:
      return next(node.argument);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.some((expression) => next(expression));
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return next(node.left) || next(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return next(node.test) || next(node.consequent) || next(node.alternate);
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.some((element) => next(element));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.some((property) =>
        property.type === AST_NODE_TYPES.SpreadElement ? next(property) : (property.computed && next(property.key)) || next(property.value),
      );
    default:
      return true;
  }
}

function identifierDepends(file: FileContext, node: TSESTree.Identifier, depth: number): boolean {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  const definition = variable?.defs[0];
  if (!variable || !definition) return false; // a global
  switch (definition.type) {
    case DefinitionType.Parameter:
    case DefinitionType.CatchClause:
      return true;
    case DefinitionType.Variable: {
      const declarator = definition.node;
      if (!isInsideFunction(declarator)) return false; // module state
      const loop = declarator.parent.parent;
      if ((loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) && loop.left === declarator.parent) {
        return dependsOnCallInput(file, loop.right, depth + 1);
      }
      // Every value the variable is given: its initialiser and later assignments.
      const writes = variable.references.filter((reference) => reference.isWrite()).map((reference) => reference.writeExpr);
      if (writes.length === 0 || declarator.id.type !== AST_NODE_TYPES.Identifier) return true;
      return writes.some((write) => !write || dependsOnCallInput(file, write, depth + 1));
    }
    default:
      return false; // functions, classes, imports
  }
}

function isInsideFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return true;
  return false;
}

/**
 * Whether `identifier` is a parameter whose annotation allows a fixed set of values: literals
 * (`kind: "daily" | "weekly"`), a local enum or literal-union alias, or a union of literals and
 * imported type names (`p: Corpus | "all"`, openstatus's search index, where `Corpus` is a
 * union of page types). A cache keyed by it holds at most one entry per value. With type
 * information, the parameter's type answers instead: a union of literals or an enum.
 */
export function hasFiniteParameterType(file: FileContext, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (definition?.type !== DefinitionType.Parameter || definition.name.type !== AST_NODE_TYPES.Identifier) return false;
  const annotation = definition.name.typeAnnotation?.typeAnnotation;
  if (!annotation) return false;
  if (isFiniteTypeNode(file, annotation, 0)) return true;
  return isFiniteTypeAt(file, definition.name);
}

function isFiniteTypeNode(file: FileContext, type: TSESTree.TypeNode, depth: number): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type === AST_NODE_TYPES.Literal;
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
      return true;
    case AST_NODE_TYPES.TSTypeReference: {
      const named = depth < MAX_DEPTH ? resolveLocalType(file, type) : undefined;
      return named === "enum" || (named !== undefined && isFiniteTypeNode(file, named, depth + 1));
    }
    case AST_NODE_TYPES.TSUnionType:
      return (
        type.types.every((member) => isFiniteTypeNode(file, member, depth + 1)) ||
        (type.types.some((member) => member.type === AST_NODE_TYPES.TSLiteralType) &&
          type.types.every((member) => member.type === AST_NODE_TYPES.TSLiteralType || member.type === AST_NODE_TYPES.TSTypeReference))
      );
    default:
      return false;
  }
}

/** What a type name declared in this file stands for: `enum` for an enum, the aliased type for a type alias. */
function resolveLocalType(file: FileContext, reference: TSESTree.TSTypeReference): "enum" | TSESTree.TypeNode | undefined {
  if (reference.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(reference), reference.typeName)?.defs[0];
  if (definition?.type === DefinitionType.TSEnumName) return "enum";
  return definition?.type === DefinitionType.Type && definition.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration ? definition.node.typeAnnotation : undefined;
}

/**
 * Whether a type allows only primitive values: `string`, `number`, literals, template literal
 * types, unions of them, a local enum, or a local alias of one (`type UserId = string`). Such
 * keys cannot key a `WeakMap`.
 */
export function isPrimitiveTypeNode(file: FileContext, type: TSESTree.TypeNode, depth = 0): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSSymbolKeyword:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSTemplateLiteralType:
      return true;
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every((member) => isPrimitiveTypeNode(file, member, depth + 1));
    case AST_NODE_TYPES.TSTypeReference: {
      const named = depth < MAX_DEPTH ? resolveLocalType(file, type) : undefined;
      return named === "enum" || (named !== undefined && isPrimitiveTypeNode(file, named, depth + 1));
    }
    default:
      return false;
  }
}

/** `key` is a parameter or variable declared with a primitive type (`id: string`). */
export function hasPrimitiveDeclaredType(file: FileContext, key: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(key);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(node), node)?.defs[0];
  const declared = definition?.name.type === AST_NODE_TYPES.Identifier ? definition.name.typeAnnotation?.typeAnnotation : undefined;
  return declared !== undefined && isPrimitiveTypeNode(file, declared);
}
