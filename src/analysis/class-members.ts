import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./ast.js";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";

import { getStaticPropertyName, isFunctionNode } from "./ast.js";
import { memoize } from "./file-context.js";

/** Where a `this.name` member of a class gets its value or type from. */
export type MemberSource =
  | { kind: "annotation"; node: TSESTree.TypeNode }
  | { kind: "expression"; node: TSESTree.Expression };

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The annotations and assigned values of `this.<name>` in the class that encloses `node`:
 * field declarations, constructor parameter properties, and `this.name = …` anywhere in the
 * class. Empty when `this` is not a class instance there.
 */
export function getThisMemberSources(file: FileContext, node: TSESTree.Node, name: string): readonly MemberSource[] {
  const classNode = getThisClass(node);
  if (!classNode) return [];
  return getClassMembers(file, classNode).get(name) ?? [];
}

/**
 * `this.name` where the class declares `name` with a type annotation (a field, a constructor
 * parameter property): that annotation is the member's declared type, the one the checker reads
 * from the member's symbol. Asked about directly, it costs the checker no check of the access:
 * neither the class's instance type nor the narrowing of the access in its method (mongodb's
 * `this._mongocryptdClient`: 70 ms for the access, none for its annotation `MongoClient`).
 */
export function getThisMemberAnnotation(file: FileContext, node: TSESTree.Node): TSESTree.TypeNode | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = getStaticPropertyName(node);
  if (name === undefined) return undefined;
  for (const source of getThisMemberSources(file, node, name)) if (source.kind === "annotation") return source.node;
  return undefined;
}

/** The type annotation of the variable or parameter `node` reads (`pool: mssql.ConnectionPool`, `id: string`). */
export function getVariableAnnotation(file: FileContext, node: TSESTree.Node): TSESTree.TypeNode | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(node), node)?.defs[0];
  return definition?.name.type === AST_NODE_TYPES.Identifier ? definition.name.typeAnnotation?.typeAnnotation : undefined;
}

/**
 * `this.name` where the enclosing class declares an instance method or a function-valued field
 * `name`: that function, the class's own code (hexo's `this.findById(id)` is no Mongoose call).
 */
export function getOwnMethod(member: TSESTree.MemberExpression): FunctionNode | null {
  if (member.object.type !== AST_NODE_TYPES.ThisExpression) return null;
  const name = getStaticPropertyName(member);
  const classNode = name === undefined ? null : getThisClass(member);
  if (!classNode) return null;
  for (const element of classNode.body.body) {
    if ((element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) || element.static) continue;
    if (getStaticPropertyName(element) !== name) continue;
    if (element.type === AST_NODE_TYPES.MethodDefinition) {
      return element.kind === "method" && element.value.type === AST_NODE_TYPES.FunctionExpression ? element.value : null;
    }
    return isFunctionNode(element.value) ? element.value : null;
  }
  return null;
}

/** The class whose instance `this` is at `node`, or null. */
export function getThisClass(node: TSESTree.Node): ClassNode | null {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.ClassBody:
      case AST_NODE_TYPES.MethodDefinition:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.StaticBlock:
        continue;
      case AST_NODE_TYPES.FunctionExpression:
        if (current.parent.type === AST_NODE_TYPES.MethodDefinition) continue;
        return null;
      case AST_NODE_TYPES.FunctionDeclaration:
        return null;
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        return current;
      default:
        continue;
    }
  }
  return null;
}

function getClassMembers(file: FileContext, classNode: ClassNode): Map<string, MemberSource[]> {
  return memoize(file, "class-members", classNode, () => indexClass(classNode));
}

function indexClass(classNode: ClassNode): Map<string, MemberSource[]> {
  const members = new Map<string, MemberSource[]>();
  const add = (name: string | undefined, source: MemberSource): void => {
    if (name === undefined) return;
    const list = members.get(name) ?? [];
    list.push(source);
    members.set(name, list);
  };
  const elements = classNode.body.body;
  for (let position = 0; position < elements.length; position++) {
    const element = elements[position]!;
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static) {
      const name = getStaticPropertyName(element);
      if (element.typeAnnotation) add(name, { kind: "annotation", node: element.typeAnnotation.typeAnnotation });
      if (element.value) add(name, { kind: "expression", node: element.value });
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === "constructor") {
      for (const param of element.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
        if (inner.type !== AST_NODE_TYPES.Identifier) continue;
        if (inner.typeAnnotation) add(inner.name, { kind: "annotation", node: inner.typeAnnotation.typeAnnotation });
        if (param.parameter.type === AST_NODE_TYPES.AssignmentPattern) add(inner.name, { kind: "expression", node: param.parameter.right });
      }
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.value.body) {
      collectThisAssignments(element.value.body, add);
    }
  }
  return members;
}

/** `this.x = value` statements directly in a method body (not in nested functions). */
function collectThisAssignments(body: TSESTree.BlockStatement, add: (name: string | undefined, source: MemberSource) => void): void {
  const visit = (statements: readonly TSESTree.Statement[]): void => {
    for (let position = 0; position < statements.length; position++) {
      const statement = statements[position]!;
      if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
        const expression = statement.expression;
        if (
          expression.type === AST_NODE_TYPES.AssignmentExpression &&
          expression.operator === "=" &&
          expression.left.type === AST_NODE_TYPES.MemberExpression &&
          expression.left.object.type === AST_NODE_TYPES.ThisExpression
        ) {
          add(getStaticPropertyName(expression.left), { kind: "expression", node: expression.right });
        }
      } else if (statement.type === AST_NODE_TYPES.IfStatement) {
        visit(statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent]);
      } else if (statement.type === AST_NODE_TYPES.BlockStatement) {
        visit(statement.body);
      } else if (statement.type === AST_NODE_TYPES.TryStatement) {
        visit(statement.block.body);
      }
    }
  };
  visit(body.body);
}
