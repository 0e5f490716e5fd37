import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { FunctionNode } from "./ast.js";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import { COLLECTION_STORE_METHODS, isPlainRegistrationName } from "../knowledge/bounded-caches.js";
import { getCalledMethodName, getCallReceiver, getEnclosingFunction, getMemberPath, getPlainFunctionName, getStaticPropertyName, isFunctionNode, isSoleExit, isWrittenMember, skipExpressionWrappers } from "./ast.js";
import { getThisClass, getVariableAnnotation } from "./class-members.js";
import { getPropertyUses } from "./code-reachability.js";
import { classifyUse, getFileCollections } from "./long-lived-collection.js";
import { isFiniteTypeAt } from "./type-kind.js";

const { DefinitionType } = TSESLint.Scope;

/**
 * Steps from a key back to where its value comes from; past them, the key is taken to carry call
 * input. Eight: botbuilder-js's time zone tables are six steps from the string of the class.
 */
const MAX_DEPTH = 8;

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
  const parameter = getAnnotatedParameter(file, identifier);
  if (!parameter) return false;
  if (isFiniteTypeNode(file, parameter.typeAnnotation!.typeAnnotation, 0)) return true;
  return isFiniteTypeAt(file, parameter);
}

/**
 * An element of a template tag's strings (`strings[0]` of `function sql(strings: TemplateStringsArray, …)`):
 * text written in the source at a tagged template, one value per template of the code (pg-sql2's
 * fragments per `sql` literal).
 */
export function isTemplateStringsElement(file: FileContext, raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type !== AST_NODE_TYPES.MemberExpression || !node.computed || node.object.type !== AST_NODE_TYPES.Identifier) return false;
  const annotation = getAnnotatedParameter(file, node.object)?.typeAnnotation?.typeAnnotation;
  return annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && annotation.typeName.name === "TemplateStringsArray";
}

/**
 * `MODEL_TO_ENCODING[modelId]`: an entry of an object or array literal the module declares with
 * `const` and never writes through (morphic's tiktoken encoding per model): one of the values
 * written in the code, or undefined.
 */
export function isConstantTableRead(file: FileContext, raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type !== AST_NODE_TYPES.MemberExpression || !node.computed || node.object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node.object), node.object);
  const definition = variable?.defs[0];
  if (definition?.type !== DefinitionType.Variable || definition.parent.kind !== "const" || definition.parent.parent.type !== AST_NODE_TYPES.Program) return false;
  const init = definition.node.init ? skipExpressionWrappers(definition.node.init) : undefined;
  if (init?.type !== AST_NODE_TYPES.ObjectExpression && init?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  return variable!.references.every(({ identifier }) => {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return identifier === definition.name;
    return !isWrittenMember(member);
  });
}

/** The parameter `identifier` reads, when it is declared with a type annotation. */
function getAnnotatedParameter(file: FileContext, identifier: TSESTree.Identifier): TSESTree.Identifier | undefined {
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(identifier), identifier)?.defs[0];
  if (definition?.type !== DefinitionType.Parameter || definition.name.type !== AST_NODE_TYPES.Identifier) return undefined;
  return definition.name.typeAnnotation ? definition.name : undefined;
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
    case AST_NODE_TYPES.TSTypeOperator:
      if (type.operator !== "keyof" || !type.typeAnnotation) return false;
      // `keyof typeof CONFIG`: the keys of an object the module writes; `keyof GraphileBuild.BehaviorEntities`: those an interface declares.
      return getQueriedConstant(file, type.typeAnnotation)?.type === AST_NODE_TYPES.ObjectExpression || isDeclaredInterface(file, type.typeAnnotation);
    case AST_NODE_TYPES.TSIndexedAccessType: {
      // `(typeof KEYS)[number]` of `const KEYS = ["a", "b"] as const`.
      if (type.indexType.type !== AST_NODE_TYPES.TSNumberKeyword) return false;
      const array = getQueriedConstant(file, type.objectType);
      return array?.type === AST_NODE_TYPES.ArrayExpression && array.elements.every((element) => element?.type === AST_NODE_TYPES.Literal);
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

/**
 * An interface by name, with no index signature: a local one, an imported one, or one of a
 * namespace (`GraphileBuild.BehaviorEntities`, merged from declarations across the project). Not a
 * type parameter, a local alias or a generic: their keys may be any string.
 */
function isDeclaredInterface(file: FileContext, type: TSESTree.TypeNode): boolean {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeArguments) return false;
  if (type.typeName.type === AST_NODE_TYPES.TSQualifiedName) return true;
  if (type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(type), type.typeName)?.defs[0];
  // One imported from a module of the app, as a namespace's is (roulette-betting-backend's `keyof MessageListener`).
  if (definition?.type === DefinitionType.ImportBinding) return true;
  const declaration = definition?.node;
  return declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && !declaration.body.body.some((member) => member.type === AST_NODE_TYPES.TSIndexSignature);
}

/** `key as keyof GraphileBuild.BehaviorStrings`: the code asserts the key is one of a finite type's values. */
export function isFiniteAssertion(file: FileContext, node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.TSAsExpression && isFiniteTypeNode(file, node.typeAnnotation, 0);
}

/**
 * `typeof NAME` of a `const` whose value is written as an array literal `as const`, or as an
 * object literal: the literal, else undefined. Its elements, or its keys, are fixed.
 */
function getQueriedConstant(file: FileContext, type: TSESTree.TypeNode): TSESTree.ObjectExpression | TSESTree.ArrayExpression | undefined {
  if (type.type !== AST_NODE_TYPES.TSTypeQuery || type.exprName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return undefined;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(type), type.exprName)?.defs[0];
  if (definition?.type !== DefinitionType.Variable || definition.parent.kind !== "const") return undefined;
  let init = definition.node.init ?? undefined;
  let asConst = false;
  while (init?.type === AST_NODE_TYPES.TSAsExpression || init?.type === AST_NODE_TYPES.TSSatisfiesExpression) {
    if (init.type === AST_NODE_TYPES.TSAsExpression) asConst ||= isConstAnnotation(init.typeAnnotation);
    init = init.expression;
  }
  if (init?.type === AST_NODE_TYPES.ArrayExpression) return asConst ? init : undefined;
  // An object's keys are fixed by its literal unless a spread or a computed key adds others.
  if (init?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  return init.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed) ? init : undefined;
}

function isConstAnnotation(type: TSESTree.TypeNode): boolean {
  return type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === "const";
}

/** What a type name declared in this file stands for: `enum` for an enum, the aliased type for a type alias. */
function resolveLocalType(file: FileContext, reference: TSESTree.TSTypeReference): "enum" | TSESTree.TypeNode | undefined {
  if (reference.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(reference), reference.typeName)?.defs[0];
  if (definition?.type === DefinitionType.TSEnumName) return "enum";
  if (definition?.type !== DefinitionType.Type) return undefined;
  // A type parameter's values lie within its constraint (graphile-build's `TFilter extends keyof GraphileBuild.BehaviorStrings`).
  if (definition.node.type === AST_NODE_TYPES.TSTypeParameter) return definition.node.constraint;
  return definition.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration ? definition.node.typeAnnotation : undefined;
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
  const declared = getVariableAnnotation(file, skipExpressionWrappers(key));
  return declared !== undefined && isPrimitiveTypeNode(file, declared);
}

/**
 * Every variable the key is made of (`script` in `${script}:1280`) was looked up in a table the
 * module writes, and `fn` leaves on a miss before `store`: `const cfg = MODELS[script]; if (!cfg)
 * throw …`, `if (!MODELS[script]) return`, `if (!(script in MODELS)) throw …`. The key then takes
 * one of the table's keys (maxun's PaddleOCR services, one per script its model table names).
 * Or `fn` leaves when it is out of a range (`if (year < 1900 || year > 2200) throw …`).
 */
export function isKeyCheckedAgainstTable(file: FileContext, key: TSESTree.Node | undefined, fn: FunctionNode, store: TSESTree.Node): boolean {
  const parts = key ? getKeyVariables(key) : null;
  if (!parts || parts.length === 0 || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const statements = getStatementsBefore(fn, store);
  return parts.every((part) =>
    statements.some((statement, index) => statement.type === AST_NODE_TYPES.IfStatement && isSoleExit(statement.consequent) && (isTableMiss(file, statement.test, part, statements.slice(0, index)) || isOutOfRange(statement.test, part))),
  );
}

/**
 * The statements that run before `store` in its function, in the blocks around it from the
 * outermost: a `return` or a `throw` in one of them skips `store`, also from inside a `try`
 * (matrix-delivery's wallet choice checks the payment method first thing in its `try`).
 */
function getStatementsBefore(fn: FunctionNode, store: TSESTree.Node): TSESTree.Statement[] {
  const before: TSESTree.Statement[] = [];
  for (let child: TSESTree.Node = store, parent = store.parent; parent && child !== fn.body; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return [];
    if (parent.type === AST_NODE_TYPES.BlockStatement) before.unshift(...parent.body.slice(0, parent.body.indexOf(child as TSESTree.Statement)));
  }
  return before;
}

/**
 * `part < 1900 || part > 2200` (and `>=`, `<=`, bounds written first, more alternatives such as
 * `!Number.isInteger(part)`): a test that leaves for a value below one bound or above the other
 * leaves the key one of a range (Bills-Node-Server's flow summaries per year, `FlowAggregator`).
 * A bound is a number written in the code.
 */
function isOutOfRange(raw: TSESTree.Expression, part: TSESTree.Identifier): boolean {
  const sides = getAlternatives(raw).map((alternative) => getBoundSide(alternative, part));
  return sides.includes("below") && sides.includes("above");
}

function getAlternatives(raw: TSESTree.Expression): TSESTree.Expression[] {
  const node = skipExpressionWrappers(raw) as TSESTree.Expression;
  return node.type === AST_NODE_TYPES.LogicalExpression && node.operator === "||" ? [...getAlternatives(node.left), ...getAlternatives(node.right)] : [node];
}

/** Which side of a bound `test` leaves for: `part < 1900` is "below", `2200 < part` is "above". */
function getBoundSide(raw: TSESTree.Expression, part: TSESTree.Identifier): "below" | "above" | null {
  const test = skipExpressionWrappers(raw);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !["<", "<=", ">", ">="].includes(test.operator)) return null;
  const less = test.operator.startsWith("<");
  if (isSamePart(test.left, part) && isWrittenNumber(test.right)) return less ? "below" : "above";
  if (isSamePart(test.right, part) && isWrittenNumber(test.left)) return less ? "above" : "below";
  return null;
}

/** A number written in the code: `1900`, `-128`, `MAX_YEAR`, `Limits.MAX_YEAR`. */
export function isWrittenNumber(raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === "number";
  if (node.type === AST_NODE_TYPES.UnaryExpression) return node.operator === "-" && isWrittenNumber(node.argument);
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression && !node.computed ? getStaticPropertyName(node) : undefined;
  return name !== undefined && /^[A-Z][A-Z\d_]*$/u.test(name);
}

/** The identifiers a key is built of, with literals: null when it holds anything else. */
function getKeyVariables(raw: TSESTree.Node): TSESTree.Identifier[] | null {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.Identifier) return [node];
  if (node.type === AST_NODE_TYPES.Literal) return [];
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const parts = node.expressions.map(getKeyVariables);
    return parts.every((part) => part !== null) ? parts.flat() : null;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+") {
    const left = getKeyVariables(node.left);
    const right = getKeyVariables(node.right);
    return left && right ? [...left, ...right] : null;
  }
  return null;
}

/**
 * `!TABLE[part]`, `!(part in TABLE)`, `!Object.hasOwn(TABLE, part)` (or through
 * `Object.prototype.hasOwnProperty.call`, automatisch's app paths), `!TABLE.has(part)`,
 * `!LIST.includes(part)` of a list written in the code (`isWrittenList`), or `!entry`
 * where an earlier `const entry = TABLE[part]` (`TABLE.get(part)`, `TABLE[group]?.[part]`).
 */
function isTableMiss(file: FileContext, raw: TSESTree.Expression, part: TSESTree.Identifier, earlier: readonly TSESTree.Statement[]): boolean {
  const test = skipExpressionWrappers(raw);
  if (test.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== "!") return false;
  const operand = skipExpressionWrappers(test.argument);
  if (operand.type === AST_NODE_TYPES.BinaryExpression && operand.operator === "in") return isSamePart(operand.left, part) && isWrittenTable(file, operand.right);
  if (operand.type === AST_NODE_TYPES.CallExpression && isOwnKeyTest(operand)) return isWrittenTable(file, operand.arguments[0]!) && isSamePart(operand.arguments[1]!, part);
  if (operand.type === AST_NODE_TYPES.CallExpression && getCalledMethodName(operand) === "includes") return operand.arguments.length === 1 && isSamePart(operand.arguments[0]!, part) && isWrittenList(file, getCallReceiver(operand)!);
  if (operand.type === AST_NODE_TYPES.MemberExpression) return isTableLookup(file, operand, part);
  if (operand.type === AST_NODE_TYPES.CallExpression) return isTableLookup(file, operand, part, "has");
  if (operand.type !== AST_NODE_TYPES.Identifier) return false;
  return earlier.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.kind === "const" &&
      statement.declarations.some((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === operand.name && declarator.init != null && isTableLookup(file, declarator.init, part)),
  );
}

/** `Object.hasOwn(table, key)` or `Object.prototype.hasOwnProperty.call(table, key)`. */
function isOwnKeyTest(call: TSESTree.CallExpression): boolean {
  if (call.arguments.length !== 2) return false;
  const text = getMemberPath(call.callee);
  return text === "Object.hasOwn" || text === "Object.prototype.hasOwnProperty.call";
}


/**
 * A lookup in a written table that has `part` among its keys: `TABLE[part]`, `TABLE.get(part)`
 * (`TABLE.has(part)` with `method` "has"), or a chain of them into the table's values
 * (`TABLE[toolName]?.[kind]`, sim's tool schemas per tool and kind).
 */
function isTableLookup(file: FileContext, raw: TSESTree.Node, part: TSESTree.Identifier, method = "get"): boolean {
  let found = false;
  for (let node = skipExpressionWrappers(raw); ; ) {
    let key: TSESTree.Node;
    if (node.type === AST_NODE_TYPES.MemberExpression && node.computed) {
      key = node.property;
      node = skipExpressionWrappers(node.object);
    } else if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 1 && getCalledMethodName(node) === method) {
      key = node.arguments[0]!;
      node = skipExpressionWrappers(getCallReceiver(node)!);
    } else {
      return found && isWrittenTable(file, node);
    }
    found ||= isSamePart(key, part);
    method = "get";
  }
}

function isSamePart(node: TSESTree.Node, part: TSESTree.Identifier): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === part.name;
}

/**
 * A module-level `const` holding an object literal, or a `Map` of written entries that nothing
 * sets (`new Map([["{2D5A…}", …]])`, sim's predefined table styles): its keys are written in the
 * code. Also a constant imported by a constant's name (`TOOL_RUNTIME_SCHEMAS`, a generated table).
 */
function isWrittenTable(file: FileContext, raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.MemberExpression) return isRegistryField(file, node);
  const constant = node.type === AST_NODE_TYPES.Identifier ? getModuleConstant(file, node) : null;
  if (constant === null || constant === "imported") return constant === "imported";
  const { init, variable } = constant;
  if (init?.type === AST_NODE_TYPES.ObjectExpression) return true;
  return (
    init?.type === AST_NODE_TYPES.NewExpression &&
    init.callee.type === AST_NODE_TYPES.Identifier &&
    init.callee.name === "Map" &&
    init.arguments[0]?.type === AST_NODE_TYPES.ArrayExpression &&
    !usesMethodOf(variable, ["set"])
  );
}

/**
 * A module-level `const` holding a list of values written in the code that nothing adds to
 * (`const VALID_PAYMENT_METHODS = ["vodafone_cash", "instapay"]`), or a constant imported by a
 * constant's name: a key it includes is one of its values.
 */
function isWrittenList(file: FileContext, raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  const constant = node.type === AST_NODE_TYPES.Identifier ? getModuleConstant(file, node) : null;
  if (constant === null || constant === "imported") return constant === "imported";
  const { init, variable } = constant;
  return init?.type === AST_NODE_TYPES.ArrayExpression && init.elements.every((element) => element?.type === AST_NODE_TYPES.Literal) && !usesMethodOf(variable, COLLECTION_STORE_METHODS);
}

/**
 * The module-level `const` an identifier names, with its variable and initializer; "imported" for
 * a binding imported under a constant's name (not a namespace); null for anything else.
 */
function getModuleConstant(file: FileContext, node: TSESTree.Identifier): { variable: Scope.Variable; init: TSESTree.Node | undefined } | "imported" | null {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  const definition = variable?.defs[0];
  if (definition?.type === DefinitionType.ImportBinding) return definition.node.type !== AST_NODE_TYPES.ImportNamespaceSpecifier && CONSTANT_NAME.test(node.name) ? "imported" : null;
  if (definition?.type !== DefinitionType.Variable || definition.parent.kind !== "const" || isInsideFunction(definition.node)) return null;
  return { variable: variable!, init: definition.node.init ? skipExpressionWrappers(definition.node.init) : undefined };
}

/** Whether some use of `variable` names one of `methods` on it (`TABLE.set(…)`, `LIST.push(…)`). */
function usesMethodOf(variable: Scope.Variable, methods: readonly string[]): boolean {
  return variable.references.some(({ identifier }) => identifier.parent?.type === AST_NODE_TYPES.MemberExpression && methods.includes(getStaticPropertyName(identifier.parent) ?? ""));
}

/** `TABLE.get(key)`, `TABLE[key]`, `this.registrations.get(token)`: an entry of a table the code writes, or of a registry. */
export function isWrittenTableEntry(file: FileContext, raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.MemberExpression) return node.computed && isWrittenTable(file, node.object);
  return node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 1 && getCalledMethodName(node) === "get" && isWrittenTable(file, getCallReceiver(node)!);
}

/**
 * `this.registrations` of a class that writes it only in methods named as a registration
 * (`register`, `registerValue`, `defineModel`: `isPlainRegistrationName`), at least once, never
 * removes an entry or replaces it outside the constructor, and that the file writes through no
 * other object outside such a method: a dependency-injection container's registered services,
 * whose tokens the code names. A memo that stores only a token found there
 * (`this.singletons.set(token, instance)`) holds one instance per registered service. Each use is
 * judged as the collection's own uses are (`classifyUse`, by its `Map`, `Set` or object protocol).
 */
function isRegistryField(file: FileContext, node: TSESTree.MemberExpression): boolean {
  const name = node.object.type === AST_NODE_TYPES.ThisExpression && !node.computed ? getStaticPropertyName(node) : undefined;
  const owner = name === undefined ? null : getThisClass(node);
  const registry = owner ? getFileCollections(file).find((collection) => collection.classNode === owner && collection.name === `this.${name}`) : undefined;
  if (!registry) return false;
  let stores = 0;
  for (const use of getPropertyUses(file, name!)) {
    // Another class's field of the name is its own; a write through any other object (`container.registrations.set(…)`) may be this one's.
    if (use.type !== AST_NODE_TYPES.MemberExpression || (use.object.type === AST_NODE_TYPES.ThisExpression && getThisClass(use) !== owner)) continue;
    const { kind } = classifyUse(file, use, registry.protocol, registry.shape);
    const fn = getEnclosingFunction(use);
    if (kind === "shrink") {
      // Made in the constructor (`this.registrations = new Map()`); entries that come and go elsewhere (`unregisterClient` deleting a connection) are no set the code names.
      if (use.parent.type === AST_NODE_TYPES.AssignmentExpression && fn?.parent.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === "constructor") continue;
      return false;
    }
    if (kind !== "store" && kind !== "lookupStore") continue;
    const method = fn ? getPlainFunctionName(fn) : undefined;
    if (method === undefined || !isPlainRegistrationName(method)) return false;
    stores++;
  }
  return stores > 0;
}

/** `TOOL_RUNTIME_SCHEMAS`, `MODELS`: a constant's name by convention. */
const CONSTANT_NAME = /^[A-Z][A-Z\d]*(?:_[A-Z\d]+)*$/u;
