import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { CollectionProtocol, CollectionShape } from "../knowledge/bounded-caches.js";
import type { FunctionNode } from "./ast.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES, AST_TOKEN_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import {
  TEST_DOUBLE_CLASS_NAME,
  REQUEST_SCOPE_NAMES,
  RUN_SCOPE_NAME,
  REQUEST_SCOPE_TYPES,
  CONNECTION_SCOPE_NAME,
  ARRAY_PROTOCOL,
  COLLECTION_STORE_METHODS,
  CACHE_LIBRARIES,
  MAP_PROTOCOL,
  OBJECT_ENTRY_LISTS,
  OBJECT_KEY_LOOKUPS,
  OBJECT_PROTOCOL,
  OBJECT_READERS,
  SET_PROTOCOL,
  isRegistryName,
  UNBOUNDED_CONSTRUCTORS,
} from "../knowledge/bounded-caches.js";
import { getCalledMethodName, getCallbackParameter, getEnclosingFunction, getOutermostWrapper, getRequiredModule, getStaticPropertyName, isNullish, skipExpressionWrappers } from "./ast.js";
import { getThisClass } from "./class-members.js";
import { getTypeImportPath } from "./import-path.js";
import { getPropertyUses, isCodeReachable } from "./code-reachability.js";
import { getCallingFunction } from "./run-once.js";
import { getFileContext, memoizeFile } from "./file-context.js";

/**
 * Collections that live as long as the process (a module-level variable, a class field, a
 * `this.x =` in a constructor, a static field) and everything the file does with them. Built
 * once per file; a file with no candidate construction costs one pass over its top-level
 * statements and class bodies.
 */

export type CollectionUseKind =
  /** Reads one key: `get`, `has`, `key in obj`, `obj[key]`. */
  | "lookup"
  /** Adds an entry: `set`, `add`, `obj[key] = v`, `push`. */
  | "store"
  /** Reads and writes one key in one expression: `obj[key] ??= v`, `counts[key] += 1`. */
  | "lookupStore"
  /** Removes entries: `delete`, `clear`, `splice`, `length = 0`, reassignment. */
  | "shrink"
  /** Compares the entry count (`map.size > 1000`): the code bounds it. */
  | "sizeCheck"
  /** Handed to other code (an argument, a return value, another variable): not ours to judge. */
  | "escape"
  /** Any other read. */
  | "read";

export interface CollectionUse {
  readonly kind: CollectionUseKind;
  /** The whole use: the call, the assignment, the member read. */
  readonly node: TSESTree.Node;
  readonly key?: TSESTree.Node;
  readonly value?: TSESTree.Node;
  /** A store that gives its entry a time to live (`cache.set(k, v, ttl)`). */
  readonly expires?: boolean;
  /** A use through another object of the same property name (`service.cache.clear()`). */
  readonly foreign?: boolean;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export interface LongLivedCollection {
  /** How code names it: `cache`, `this.cache`, `SearchService.cache`. */
  readonly name: string;
  readonly lifetime: "module" | "instance" | "static";
  readonly shape: CollectionShape;
  readonly protocol: CollectionProtocol;
  /** The expression that creates it (`new Map()`, `{}`). */
  readonly creation: TSESTree.Expression;
  /** The type annotation of the variable or field, if any. */
  readonly annotation: TSESTree.TypeNode | undefined;
  /** `Map`, `Set`, a local subclass name or a cache library class, for `new X()` creations. */
  readonly constructorName: string | undefined;
  readonly classNode: ClassNode | undefined;
  /** Exported from the module (other modules may shrink it). */
  readonly exported: boolean;
  readonly uses: readonly CollectionUse[];
}

/** Every long-lived collection of the file, with its uses. Memoised per file. */
export function getLongLivedCollections(context: AnyRuleContext): readonly LongLivedCollection[] {
  return getFileCollections(getFileContext(context));
}

/** `getLongLivedCollections` for analyses that hold the file's context. */
export function getFileCollections(file: FileContext): readonly LongLivedCollection[] {
  return memoizeFile(file, "long-lived-collections", () => collect(file));
}

interface Creation {
  readonly shape: CollectionShape;
  readonly protocol: CollectionProtocol;
  readonly constructorName: string | undefined;
}

const { DefinitionType } = TSESLint.Scope;

const PROTOCOLS: Readonly<Record<Exclude<CollectionShape, "library">, CollectionProtocol>> = {
  map: MAP_PROTOCOL,
  set: SET_PROTOCOL,
  object: OBJECT_PROTOCOL,
  array: ARRAY_PROTOCOL,
};

function collect(file: FileContext): LongLivedCollection[] {
  const result: LongLivedCollection[] = [];
  // Indexed loops, here and in the other code every file runs through: in one pass over many
  // files most of it runs before V8 optimizes it, and until then `for…of` allocates an iterator
  // result per item.
  const body = file.sourceCode.ast.body;
  for (let position = 0; position < body.length; position++) {
    const statement = body[position]!;
    const exported = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration;
    const declaration = exported ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      const declarators = declaration.declarations;
      for (let index = 0; index < declarators.length; index++) {
        const declarator = declarators[index]!;
        // The initialiser first, then the name: most are neither a class nor a collection, and
        // every node read here is read for every top-level declaration of every file.
        if (!declarator.init) continue;
        const init = skipExpressionWrappers(declarator.init);
        if (init.type === AST_NODE_TYPES.ClassExpression) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier) collectClass(file, init, result);
          continue;
        }
        const creation = getCreation(file, declarator.init);
        if (!creation || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
        const annotation = declarator.id.typeAnnotation?.typeAnnotation;
        const variable = file.sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
        const uses = (): CollectionUse[] => (variable ? collectVariableUses(file, variable, creation.protocol, creation.shape, 0) : [{ kind: "escape", node: declarator }]);
        result.push(withLazyUses({ name: declarator.id.name, lifetime: "module", ...creation, creation: declarator.init, annotation, classNode: undefined, exported }, uses));
      }
    } else if (declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.ClassExpression) {
      collectClass(file, declaration, result);
    } else if (
      declaration.type === AST_NODE_TYPES.ExpressionStatement &&
      declaration.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      declaration.expression.right.type === AST_NODE_TYPES.ClassExpression
    ) {
      collectClass(file, declaration.expression.right, result);
    }
  }
  return result;
}

function collectClass(file: FileContext, classNode: ClassNode, result: LongLivedCollection[]): void {
  const className = classNode.id?.name;
  if (isTestDouble(classNode)) return;
  const elements = classNode.body.body;
  for (let position = 0; position < elements.length; position++) {
    const element = elements[position]!;
    if (element.type === AST_NODE_TYPES.PropertyDefinition && element.value) {
      const creation = getCreation(file, element.value);
      const name = creation ? getStaticPropertyName(element) : undefined;
      if (name === undefined || !creation) continue;
      const lifetime = element.static ? "static" : "instance";
      const annotation = element.typeAnnotation?.typeAnnotation;
      const uses = (): CollectionUse[] => collectMemberUses(file, classNode, name, creation, undefined);
      result.push(withLazyUses({ name: `${lifetime === "static" && className ? className : "this"}.${name}`, lifetime, ...creation, creation: element.value, annotation, classNode, exported: false }, uses));
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === "constructor" && element.value.body) {
      const statements = element.value.body.body;
      for (let index = 0; index < statements.length; index++) {
        const statement = statements[index]!;
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
        const assignment = statement.expression;
        if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== "=") continue;
        if (assignment.left.type !== AST_NODE_TYPES.MemberExpression || assignment.left.object.type !== AST_NODE_TYPES.ThisExpression) continue;
        const creation = getCreation(file, assignment.right);
        const name = creation ? getStaticPropertyName(assignment.left) : undefined;
        if (name === undefined || !creation) continue;
        const annotation = findFieldAnnotation(classNode, name);
        const target = assignment.left;
        const uses = (): CollectionUse[] => collectMemberUses(file, classNode, name, creation, target);
        result.push(withLazyUses({ name: `this.${name}`, lifetime: "instance", ...creation, creation: assignment.right, annotation, classNode, exported: false }, uses));
      }
    }
  }
}

/**
 * A class named as a test double (`FakeImageStorageService`, `MockMailer`, `StubClock`): it stands
 * in for a real service in tests and local runs, and keeps what it is given as its whole state.
 */
function isTestDouble(classNode: ClassNode): boolean {
  const declarator = classNode.parent.type === AST_NODE_TYPES.VariableDeclarator ? classNode.parent.id : undefined;
  const name = classNode.id?.name ?? (declarator?.type === AST_NODE_TYPES.Identifier ? declarator.name : undefined);
  return name !== undefined && TEST_DOUBLE_CLASS_NAME.test(name);
}

/** The uses are found only when a rule first asks for them: most collections are judged without. */
function withLazyUses(collection: Omit<LongLivedCollection, "uses">, find: () => CollectionUse[]): LongLivedCollection {
  let uses: readonly CollectionUse[] | undefined;
  return {
    ...collection,
    get uses() {
      uses ??= find();
      return uses;
    },
  };
}

function findFieldAnnotation(classNode: ClassNode, name: string): TSESTree.TypeNode | undefined {
  const elements = classNode.body.body;
  for (let position = 0; position < elements.length; position++) {
    const element = elements[position]!;
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && getStaticPropertyName(element) === name) {
      return element.typeAnnotation?.typeAnnotation;
    }
  }
  return undefined;
}

/** What `init` creates, when it is an unbounded collection. */
function getCreation(file: FileContext, raw: TSESTree.Expression): Creation | null {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return node.properties.length === 0 ? plain("object") : null;
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.length === 0 ? plain("array") : null;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // Object.create(null)
    const callee = node.callee;
    const isCreate =
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === "Object" &&
      getStaticPropertyName(callee) === "create";
    if (!isCreate) return null;
    const argument = node.arguments[0];
    return argument?.type === AST_NODE_TYPES.Literal && argument.value === null ? plain("object") : null;
  }
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return null;
  const name = node.callee.name;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node.callee);
  const definition = variable?.defs[0];
  if (!definition) {
    const shape = Object.hasOwn(UNBOUNDED_CONSTRUCTORS, name) ? UNBOUNDED_CONSTRUCTORS[name] : undefined;
    return shape ? { shape, protocol: PROTOCOLS[shape as Exclude<CollectionShape, "library">], constructorName: name } : null;
  }
  if (definition.type === DefinitionType.ClassName) return getLocalSubclassCreation(file, definition.node, name);
  return getLibraryCreation(definition, node, name);
}

function plain(shape: Exclude<CollectionShape, "library">): Creation {
  return { shape, protocol: PROTOCOLS[shape], constructorName: undefined };
}

/** `class Registry extends Map {}`: a Map, unless the subclass overrides how entries come and go. */
function getLocalSubclassCreation(file: FileContext, classNode: ClassNode, name: string): Creation | null {
  const superClass = classNode.superClass;
  if (superClass?.type !== AST_NODE_TYPES.Identifier) return null;
  const shape = Object.hasOwn(UNBOUNDED_CONSTRUCTORS, superClass.name) ? UNBOUNDED_CONSTRUCTORS[superClass.name] : undefined;
  if (!shape || ASTUtils.findVariable(file.sourceCode.getScope(classNode), superClass)?.defs.length) return null;
  const protocol = PROTOCOLS[shape as Exclude<CollectionShape, "library">];
  const overrides = classNode.body.body.some((element) => {
    if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) return false;
    const member = getStaticPropertyName(element);
    return member !== undefined && (protocol.stores.includes(member) || protocol.shrinks.includes(member) || member === "constructor");
  });
  return overrides ? null : { shape, protocol, constructorName: name };
}

/** `new NodeCache()` without a limit: a cache library used in its unbounded configuration. */
function getLibraryCreation(definition: Scope.Definition, node: TSESTree.NewExpression, name: string): Creation | null {
  const specifier = getImportSource(definition);
  if (specifier === undefined) return null;
  const library = CACHE_LIBRARIES.find((candidate) => candidate.module === specifier);
  if (!library || library.bounded === "always") return null;
  const options = node.arguments[0];
  if (options) {
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const { limitOptions } = library.bounded;
    const bounded = options.properties.some((property) => {
      if (property.type === AST_NODE_TYPES.SpreadElement) return true;
      const key = getStaticPropertyName(property);
      return key === undefined || limitOptions.includes(key);
    });
    if (bounded) return null;
  }
  return { shape: "library", protocol: library.bounded.protocol, constructorName: name };
}

function getImportSource(definition: Scope.Definition): string | undefined {
  if (definition.type === DefinitionType.ImportBinding) {
    const declaration = definition.parent;
    return declaration?.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : undefined;
  }
  if (definition.type === DefinitionType.Variable && definition.node.init) {
    let init: TSESTree.Node = skipExpressionWrappers(definition.node.init);
    if (init.type === AST_NODE_TYPES.MemberExpression) init = init.object;
    return getRequiredModule(init);
  }
  return undefined;
}

/** Every reference to a module-level variable, and to `const alias = collection` aliases. */
function collectVariableUses(file: FileContext, variable: Scope.Variable, protocol: CollectionProtocol, shape: CollectionShape, depth: number): CollectionUse[] {
  const uses: CollectionUse[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    uses.push(...classifyWithAliases(file, reference.identifier, protocol, shape, depth));
  }
  return uses;
}

function classifyWithAliases(file: FileContext, ref: TSESTree.Node, protocol: CollectionProtocol, shape: CollectionShape, depth: number): CollectionUse[] {
  const outer = climbWrappers(ref);
  const parent = outer.parent;
  if (
    depth < 2 &&
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === outer &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    parent.parent.kind === "const"
  ) {
    const alias = file.sourceCode.scopeManager?.getDeclaredVariables(parent)[0];
    if (alias) return collectVariableUses(file, alias, protocol, shape, depth + 1);
  }
  const self = depth < 2 ? getForEachSelf(file, outer) : undefined;
  const use = classifyUse(file, ref, protocol, shape);
  return self ? [use, ...collectVariableUses(file, self, protocol, shape, depth + 1)] : [use];
}

/**
 * `collection.forEach((value, key, map) => …)`: the callback's third parameter is the collection
 * itself (Shopify's idempotent promise handler drops stale entries with `map.delete(identifier)`).
 */
function getForEachSelf(file: FileContext, outer: TSESTree.Node): Scope.Variable | undefined {
  const member = outer.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer || getStaticPropertyName(member) !== "forEach") return undefined;
  const call = member.parent;
  const callback = call.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call.arguments[0] : undefined;
  return getCallbackParameter(file.sourceCode.scopeManager, callback, 2);
}

/** `this.name` in the class, `ClassName.name` anywhere, and shrinks through other objects. */
function collectMemberUses(file: FileContext, classNode: ClassNode, name: string, creation: Creation, creationTarget: TSESTree.Node | undefined): CollectionUse[] {
  const uses: CollectionUse[] = [];
  const className = classNode.id?.name;
  for (const node of getPropertyUses(file, name)) {
    if (node === creationTarget) continue;
    if (node.type !== AST_NODE_TYPES.MemberExpression) {
      // `const { cache } = this`: the collection is taken out of the object; not ours to follow.
      if (node.type === AST_NODE_TYPES.Property) uses.push({ kind: "escape", node });
      continue;
    }
    const object = node.object;
    const own =
      (object.type === AST_NODE_TYPES.ThisExpression && getThisClass(node) === classNode) ||
      (object.type === AST_NODE_TYPES.Identifier && object.name === className);
    if (own) {
      uses.push(...classifyWithAliases(file, node, creation.protocol, creation.shape, 0));
      continue;
    }
    const use = classifyUse(file, node, creation.protocol, creation.shape);
    if (use.kind === "shrink" || use.kind === "sizeCheck") uses.push({ ...use, foreign: true });
  }
  return uses;
}

function climbWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    current = current.parent;
  }
  return current;
}

const COMPARISONS = new Set(["<", ">", "<=", ">=", "===", "!==", "==", "!="]);

/**
 * `Object.keys(cache).length < MAX`: a plain object's entry count, compared (agent-saas's
 * diagnostic counts per event type, which fall back to one `"(other)"` key once the count is reached).
 */
function getCountComparison(list: TSESTree.CallExpression): TSESTree.BinaryExpression | null {
  const member = list.parent;
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== list || getStaticPropertyName(member) !== "length") return null;
  const comparison = member.parent;
  return comparison.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(comparison.operator) ? comparison : null;
}

/** What one reference does to the collection. */
export function classifyUse(file: FileContext, ref: TSESTree.Node, protocol: CollectionProtocol, shape: CollectionShape): CollectionUse {
  const outer = climbWrappers(ref);
  const parent = outer.parent;
  if (!parent) return { kind: "read", node: outer };
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === outer ? classifyMember(parent, protocol, shape) : { kind: "read", node: parent };
    case AST_NODE_TYPES.BinaryExpression:
      if (parent.operator === "in" && parent.right === outer) return { kind: "lookup", node: parent, key: parent.left };
      return { kind: "read", node: parent };
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === outer) return { kind: "escape", node: parent };
      const callee = file.sourceCode.getText(parent.callee);
      const index = parent.arguments.indexOf(outer as TSESTree.CallExpressionArgument);
      if (OBJECT_KEY_LOOKUPS.includes(callee)) return { kind: "lookup", node: parent, key: parent.arguments[index + 1] };
      if (OBJECT_ENTRY_LISTS.includes(callee)) {
        const comparison = getCountComparison(parent);
        if (comparison) return { kind: "sizeCheck", node: comparison };
      }
      if (OBJECT_READERS.includes(callee)) return { kind: "read", node: parent };
      return { kind: "escape", node: parent };
    }
    case AST_NODE_TYPES.AssignmentExpression:
      // `cache = {}` anywhere but the declaration resets it.
      return parent.left === outer ? { kind: "shrink", node: parent } : { kind: "escape", node: parent };
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.IfStatement:
      return { kind: "read", node: parent };
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === outer ? { kind: "read", node: parent } : { kind: "escape", node: parent };
    default:
      return { kind: "escape", node: parent };
  }
}

function classifyMember(member: TSESTree.MemberExpression, protocol: CollectionProtocol, shape: CollectionShape): CollectionUse {
  const name = getStaticPropertyName(member);
  const grand = member.parent;
  if (grand.type === AST_NODE_TYPES.CallExpression && grand.callee === member && name !== undefined && !member.computed) {
    const args = grand.arguments;
    if (protocol.lookups.includes(name)) return { kind: "lookup", node: grand, key: args[0] };
    if (protocol.shrinks.includes(name)) return { kind: "shrink", node: grand };
    if (protocol.stores.includes(name)) {
      const expires = protocol.storeTtlArg !== undefined && args.length > protocol.storeTtlArg;
      if (shape === "array") return { kind: "store", node: grand, value: args[0] };
      return { kind: "store", node: grand, key: args[0], value: shape === "set" ? undefined : args[1], expires };
    }
    return { kind: "read", node: grand };
  }
  if (name !== undefined && name === protocol.sizeProperty) {
    if (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === member) return { kind: "shrink", node: grand };
    if (grand.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(grand.operator)) return { kind: "sizeCheck", node: grand };
    return { kind: "read", node: member };
  }
  if (shape !== "object" || !member.computed) {
    if (grand.type === AST_NODE_TYPES.UnaryExpression && grand.operator === "delete") return { kind: "shrink", node: grand };
    return { kind: "read", node: member };
  }
  const key = member.property;
  if (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === member) {
    // ioredis DelayQueue: `this.queues[bucket] = null` lets the entry's value go, as `delete` would.
    if (grand.operator === "=" && isNullish(grand.right)) return { kind: "shrink", node: grand };
    return grand.operator === "=" ? { kind: "store", node: grand, key, value: grand.right } : { kind: "lookupStore", node: grand, key, value: grand.right };
  }
  if (grand.type === AST_NODE_TYPES.UpdateExpression) return { kind: "lookupStore", node: grand, key };
  if (grand.type === AST_NODE_TYPES.UnaryExpression && grand.operator === "delete") return { kind: "shrink", node: grand };
  return { kind: "lookup", node: member, key };
}

/**
 * Whether anything can shrink the collection: it is exported or handed to other code, its size
 * is checked, or a delete, clear or reset sits in code that runs (a method nothing calls does not).
 */
export function canShrink(context: AnyRuleContext, collection: LongLivedCollection): boolean {
  if (collection.exported) return true;
  const file = getFileContext(context);
  // A size check bounds it wherever it stands (`if (cache.size < max) cache.set(…)`).
  return collection.uses.some((use) => use.kind === "escape" || use.kind === "sizeCheck" || (use.kind === "shrink" && isCodeReachable(file, use.node)));
}

/**
 * Whether the instances of the collection's class are made per call: every `new` of the class in
 * its module goes into a local variable that the function only calls methods on
 * (`const parser = new Parser(); return parser.parse(text)`), or straight back to the caller of a
 * module function that no module-level code of the file calls (`return new RunSubscription(options)`)
 * or of an instance method of the class (a child document, a clone).
 * An instance field then lives as long as its object, not the process. A module-level instance,
 * one kept in an outer variable (`instance ??= new Service()`) or captured by a callback, one
 * made by a factory the module calls at load (`export const service = createService()`), and
 * one made by a static method of the class (`static create()`, a constructor by another name)
 * count as long-lived.
 */
export function isCreatedPerCall(context: AnyRuleContext, collection: LongLivedCollection): boolean {
  const classNode = collection.classNode;
  if (collection.lifetime !== "instance" || !classNode) return false;
  const file = getFileContext(context);
  const declared = classNode.type === AST_NODE_TYPES.ClassDeclaration ? classNode : classNode.parent.type === AST_NODE_TYPES.VariableDeclarator ? classNode.parent : null;
  const creations = getDeclaredReferences(file, declared).flatMap(({ identifier }) => (identifier.parent?.type === AST_NODE_TYPES.NewExpression && identifier.parent.callee === identifier ? [identifier.parent] : []));
  // Made for one request, wherever it is made: none of it at module level.
  if (takesRequestScope(file, classNode)) return creations.every((creation) => getEnclosingFunction(creation) !== null);
  return creations.length > 0 && creations.every((creation) => isPerCallCreation(file, creation, classNode));
}

/**
 * The class's constructor is given a request or its session (`constructor({ session, apiVersion })`
 * of Shopify's REST client), a client's socket or the id of one run: each object is made for one
 * request, connection or run and keeps it, so its fields live as long as that. A plain parameter, a
 * parameter property or a destructured property by one of REQUEST_SCOPE_NAMES, CONNECTION_SCOPE_NAME
 * or RUN_SCOPE_NAME, or a parameter declared a type of REQUEST_SCOPE_TYPES.
 */
function takesRequestScope(file: FileContext, classNode: ClassNode): boolean {
  const constructor = classNode.body.body.find((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor");
  if (constructor?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  return constructor.value.params.some((raw) => {
    const parameter = raw.type === AST_NODE_TYPES.TSParameterProperty ? raw.parameter : raw;
    const target = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    if (target.type === AST_NODE_TYPES.Identifier) return isScopeName(target.name) || isRequestScopeType(file, target.typeAnnotation?.typeAnnotation);
    return target.type === AST_NODE_TYPES.ObjectPattern && target.properties.some((property) => property.type === AST_NODE_TYPES.Property && isScopeName(getStaticPropertyName(property) ?? ""));
  });
}

/** A request, its session (`REQUEST_SCOPE_NAMES`), a client's connection (`CONNECTION_SCOPE_NAME`), or a run (`RUN_SCOPE_NAME`). */
function isScopeName(name: string): boolean {
  return REQUEST_SCOPE_NAMES.includes(name) || CONNECTION_SCOPE_NAME.test(name) || RUN_SCOPE_NAME.test(name);
}

/**
 * `Context` of `import type { Context } from "@azure/functions"`, `express.Request` of a namespace
 * or default import: a type the framework hands one request or invocation.
 */
function isRequestScopeType(file: FileContext, type: TSESTree.TypeNode | undefined): boolean {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const name = type.typeName;
  const root = name.type === AST_NODE_TYPES.TSQualifiedName ? name.left : name;
  const imported = root.type === AST_NODE_TYPES.Identifier ? getTypeImportPath(file, root) : null;
  if (!imported?.module) return false;
  const [first, ...rest] = imported.path;
  const typeName = name.type === AST_NODE_TYPES.TSQualifiedName ? (first === undefined || (first === "default" && rest.length === 0) ? name.right.name : undefined) : rest.length === 0 ? first : undefined;
  return typeName !== undefined && REQUEST_SCOPE_TYPES.get(imported.module)?.includes(typeName) === true;
}

function getDeclaredReferences(file: FileContext, declared: TSESTree.Node | null): Scope.Reference[] {
  return (declared ? (file.sourceCode.scopeManager?.getDeclaredVariables(declared) ?? []) : []).flatMap((variable) => variable.references);
}

function isPerCallCreation(file: FileContext, creation: TSESTree.Node, classNode: ClassNode): boolean {
  const fn = getEnclosingFunction(creation);
  const outer = getOutermostWrapper(creation);
  const parent = outer.parent;
  if (!fn) return false;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier && isLocalUseOnly(file, getDeclaredReferences(file, parent), fn);
  // webstudio's asset repository: `contentBytesCache = new RequestContentBytesCache()`, a parameter's default, made per call that omits it.
  if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.right === outer && parent.parent === fn && parent.left.type === AST_NODE_TYPES.Identifier) {
    const name = parent.left.name;
    const variable = file.sourceCode.scopeManager?.getDeclaredVariables(fn).find((declared) => declared.name === name);
    return variable !== undefined && isLocalUseOnly(file, variable.references, fn);
  }
  // powersync's sync-rules compiler: `new PendingQuerierPath(…).resolvePrimaryInput()`, one call on an object nobody keeps.
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
    return !mayHandOutThis(file, classNode, getStaticPropertyName(parent));
  }
  if (parent?.type !== AST_NODE_TYPES.ReturnStatement && !(parent === fn && fn.body === outer)) return false;
  // An instance method that returns a new object of its own class: a child (`document.get(key)`, `query.clone()`).
  const method = fn.parent;
  if (method.type === AST_NODE_TYPES.MethodDefinition) return method.kind === "method" && !method.static && method.parent.parent === classNode;
  // A module function that returns a new object each call, unless module-level code calls it.
  const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : null;
  const calls = getDeclaredReferences(file, declared).filter(({ identifier }) => identifier.parent?.type === AST_NODE_TYPES.CallExpression && identifier.parent.callee === identifier);
  return declared !== null && calls.every(({ identifier }) => getEnclosingFunction(identifier) !== null);
}

/**
 * Whether the class's method `name` may hand out its object (`return this`, `registry.add(this)`,
 * `const self = this`): any `this` not read a member of. An inherited method may too.
 */
function mayHandOutThis(file: FileContext, classNode: ClassNode, name: string | undefined): boolean {
  const method = classNode.body.body.find((member) => member.type === AST_NODE_TYPES.MethodDefinition && !member.static && getStaticPropertyName(member) === name);
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || !method.value.body) return true;
  return file.sourceCode.getTokens(method.value.body).some((token) => {
    if (token.type !== AST_TOKEN_TYPES.Keyword || token.value !== "this") return false;
    const node = file.sourceCode.getNodeByRangeIndex(token.range[0]);
    return node?.parent?.type !== AST_NODE_TYPES.MemberExpression || node.parent.object !== node;
  });
}

/**
 * `const parser = new Parser(); return parser.parse(text);`: the function only calls the
 * variable's members or hands it to calls that use it (`await history.loadFiles("lazy", store)`,
 * overleaf's blob store per archived chunk), also inside an options object given to such a call
 * (`this.assertLimit({ key, usage })`), and keeps the object nowhere: no closure, return or
 * assignment, and no call that stores it (`all.push(x)`, `registry.set(k, x)`, `bus.register(x)`).
 */
function isLocalUseOnly(file: FileContext, references: readonly Scope.Reference[], fn: FunctionNode): boolean {
  return references.every(({ identifier, init }) => {
    if (init === true) return true;
    const parent = identifier.parent;
    if (!parent || !runsWithin(identifier, fn)) return false;
    if (parent.type === AST_NODE_TYPES.MemberExpression) return parent.object === identifier;
    // logto's quota library: `await this.assertSystemLimit({ key, tenantUsageQuery })`, an options object handed to a call.
    if (parent.type === AST_NODE_TYPES.Property && parent.value === identifier && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      const call = parent.parent.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(parent.parent) && !isStoringCall(call);
    }
    return parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== identifier && !isStoringCall(parent);
  });
}

/** A call that may keep its arguments: a collection's store (`push`, `set`, `add`) or a registry's (`register`, `on`, `addRoute`). */
function isStoringCall(call: TSESTree.CallExpression): boolean {
  const name = getCalledMethodName(call);
  return name === undefined || COLLECTION_STORE_METHODS.includes(name) || isRegistryName(name);
}

/** `node` runs during a call of `fn`: in its body, or in callbacks that array methods run right away. */
function runsWithin(node: TSESTree.Node, fn: FunctionNode): boolean {
  const enclosing = getEnclosingFunction(node);
  return enclosing !== null && getCallingFunction(enclosing) === getCallingFunction(fn);
}
