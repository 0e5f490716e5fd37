import type { TSESTree } from "@typescript-eslint/utils";
import type { DatabaseDefault } from "../knowledge/schema-defaults.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import {
  CHAIN_DEFAULT_CONTEXTS,
  CHAIN_DEFAULT_METHOD,
  DECORATOR_CONTEXTS,
  DRIZZLE_CORE,
  FIELDS_CONTEXTS,
  FIELDS_TYPES,
  SCHEMA_LIBRARIES,
  SEQUELIZE_ATTRIBUTES,
} from "../knowledge/schema-defaults.js";
import { getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { getFileContext, memoize } from "./file-context.js";
import { getImportPath } from "./import-path.js";
import { getValueKindInFile } from "./value-kind.js";

/**
 * Is a default position (`default: X` in a field definition, `.default(X)` in a schema chain,
 * `@Default(X)`) part of a schema or model definition, and of which library? Resolved through
 * imports and value kinds; look-alikes (CLI option definitions, config objects) are not.
 */
export interface SchemaDefault {
  /** A key of `SCHEMA_LIBRARIES` (`mongoose`, `drizzle`, `helper` for settings.schemaHelpers). */
  readonly library: string;
  /** Drizzle only: the column builder (`timestamp`) and the database defaults its module offers. */
  readonly column?: { readonly builder: string; readonly databaseDefaults: readonly DatabaseDefault[] };
  /** Where the fields are used is not visible here (an exported attributes object): suggest only. */
  readonly suggestOnly?: boolean;
}

const { DefinitionType } = TSESLint.Scope;

/** How many levels of nested objects and arrays lie between a default and its schema call. */
const MAX_LEVELS = 12;

/** `key: X` inside an object literal: the schema definition it is a field default of. */
export function getPropertySchemaDefault(context: AnyRuleContext, property: TSESTree.Property): SchemaDefault | null {
  const file = getFileContext(context);
  return memoize(file, "propertySchemaDefault", property, () => {
    const key = getStaticPropertyName(property);
    if (key === undefined || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const owner = findOwner(property.parent);
    if (!owner) return null;
    if (owner.kind === "argument") return matchCall(file, owner, key);
    // `const fields = { … }; new Schema(fields)`: the object is the argument where it is used.
    const uses = getArgumentUses(file, owner.declarator);
    for (const use of uses) {
      const match = matchCall(file, { ...owner, ...use }, key);
      if (match) return match;
    }
    const typed = getFieldsTypeLibrary(file, owner, key);
    if (typed) return { library: typed };
    // Shared attributes (`export const timestamps = { … }`) spread into models elsewhere.
    const isAttribute = uses.length === 0 && key === SEQUELIZE_ATTRIBUTES.defaultKey && owner.levels === 1 && !owner.inArray;
    return isAttribute && hasSequelizeAttribute(file, owner.declarator.init!) ? { library: SEQUELIZE_ATTRIBUTES.library, suggestOnly: true } : null;
  });
}

/** `.default(X)` in a drizzle column or validation schema chain, or `@Default(X)`. */
export function getCallSchemaDefault(context: AnyRuleContext, call: TSESTree.CallExpression): SchemaDefault | null {
  const file = getFileContext(context);
  return memoize(file, "callSchemaDefault", call, () => {
    if (call.parent.type === AST_NODE_TYPES.Decorator) {
      const library = getDecoratorLibrary(file, call, "value");
      return library ? { library } : null;
    }
    const callee = skipExpressionWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== CHAIN_DEFAULT_METHOD) return null;
    const column = getDrizzleColumn(file, callee.object);
    if (column) return { library: "drizzle", column };
    const kind = getValueKindInFile(file, callee.object);
    const library = kind && !kind.promise ? CHAIN_DEFAULT_CONTEXTS[kind.id] : undefined;
    if (!library || isEnvironmentVariableField(call)) return null;
    return SCHEMA_LIBRARIES[library]?.onlyAtModuleLevel && !isEvaluatedOncePerProcess(call) ? null : { library };
  });
}

const ENVIRONMENT_VARIABLE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/u;

/**
 * `z.object({ WORKER_ID: z.string().default(randomUUID()) })`: a field of an environment
 * schema, parsed once per process, where a default evaluated once is the intended value.
 */
function isEnvironmentVariableField(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression || (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node)) node = node.parent;
  const property = node.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== node) return false;
  const key = getStaticPropertyName(property);
  return key !== undefined && key.length > 1 && ENVIRONMENT_VARIABLE.test(key);
}

interface ArgumentOwner {
  kind: "argument";
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  index: number;
  /** The object passed as the argument. */
  argument: TSESTree.Node;
  /** 0: the default's object is the argument itself; 1: a field of it; more: nested fields. */
  levels: number;
  inArray: boolean;
}

interface DeclaredOwner {
  kind: "declared";
  declarator: TSESTree.VariableDeclarator;
  levels: number;
  inArray: boolean;
}

function findOwner(object: TSESTree.ObjectExpression): ArgumentOwner | DeclaredOwner | null {
  let node: TSESTree.Node = object;
  let levels = 0;
  let inArray = false;
  for (let step = 0; step < MAX_LEVELS; step++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return null;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        node = parent;
        continue;
      case AST_NODE_TYPES.Property:
        if (parent.value !== node || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return null;
        node = parent.parent;
        levels++;
        continue;
      case AST_NODE_TYPES.ArrayExpression:
        node = parent;
        inArray = true;
        continue;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const index = parent.arguments.indexOf(node);
        return index === -1 ? null : { kind: "argument", call: parent, index, argument: node, levels, inArray };
      }
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier && parent.parent.kind === "const"
          ? { kind: "declared", declarator: parent, levels, inArray }
          : null;
      default:
        return null;
    }
  }
  return null;
}

function getArgumentUses(file: FileContext, declarator: TSESTree.VariableDeclarator): Pick<ArgumentOwner, "call" | "index" | "argument">[] {
  const [variable] = file.sourceCode.getDeclaredVariables(declarator);
  const uses: Pick<ArgumentOwner, "call" | "index" | "argument">[] = [];
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) continue;
    const index = parent.arguments.indexOf(reference.identifier as TSESTree.Identifier);
    if (index !== -1) uses.push({ call: parent, index, argument: declarator.init! });
  }
  return uses;
}

function matchCall(file: FileContext, owner: Omit<ArgumentOwner, "kind">, key: string): SchemaDefault | null {
  const { call, index, levels, inArray } = owner;
  if (call.type === AST_NODE_TYPES.CallExpression && call.parent.type === AST_NODE_TYPES.Decorator) {
    const library = levels === 0 ? getDecoratorLibrary(file, call, key) : undefined;
    return library ? { library } : null;
  }
  const callee = skipExpressionWrappers(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
  for (const fields of FIELDS_CONTEXTS) {
    if (fields.argument !== index || fields.defaultKey !== key) continue;
    if (fields.nested ? levels < 1 : levels !== 1 || inArray) continue;
    if (fields.method !== undefined && fields.method !== method) continue;
    const target = fields.method === undefined ? callee : (callee as TSESTree.MemberExpression).object;
    if (getValueKindInFile(file, target)?.id === fields.kind) return { library: fields.library };
  }
  if (
    method !== undefined &&
    SEQUELIZE_ATTRIBUTES.methods[method] === index &&
    key === SEQUELIZE_ATTRIBUTES.defaultKey &&
    levels === 1 &&
    !inArray &&
    hasSequelizeAttribute(file, owner.argument)
  ) {
    return { library: SEQUELIZE_ATTRIBUTES.library };
  }
  const name = method ?? (callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined);
  const helper = file.settings.schemaHelpers.find((h) => h.callee === name && h.defaultKeys.includes(key));
  return helper ? { library: "helper" } : null;
}

/** `const fields: SchemaDefinition = { … }`: the library whose fields type annotates the object. */
function getFieldsTypeLibrary(file: FileContext, owner: DeclaredOwner, key: string): string | undefined {
  const id = owner.declarator.id;
  const type = id.type === AST_NODE_TYPES.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = type.typeName;
  const root = name.type === AST_NODE_TYPES.TSQualifiedName ? name.left : name;
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = ASTUtils.findVariable(file.sourceCode.getScope(root), root)?.defs[0];
  if (def?.type !== DefinitionType.ImportBinding || def.parent?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const module = def.parent.source.value;
  const specifier = def.node;
  const typeName =
    name.type === AST_NODE_TYPES.TSQualifiedName
      ? name.right.name
      : specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier
        ? specifier.imported.name
        : undefined;
  if (typeName === undefined) return undefined;
  return FIELDS_TYPES.find(
    (fields) =>
      fields.modules.includes(module) &&
      fields.types.includes(typeName) &&
      fields.defaultKey === key &&
      (fields.nested ? owner.levels >= 1 : owner.levels === 1 && !owner.inArray),
  )?.library;
}

/** The library of `@Name(…)` when `Name` is one of its decorators and `key` holds its default. */
function getDecoratorLibrary(file: FileContext, call: TSESTree.CallExpression, key: string): string | undefined {
  const importPath = getImportPath(file, call.callee);
  if (!importPath?.module || importPath.path.length !== 1) return undefined;
  const [name] = importPath.path;
  const module = importPath.module;
  return DECORATOR_CONTEXTS.find((d) => d.modules.includes(module) && d.decorators[name!] === key)?.library;
}

/** Some attribute is `{ type: DataTypes.X, … }` with Sequelize's data types. */
function hasSequelizeAttribute(file: FileContext, argument: TSESTree.Node): boolean {
  const attributes = skipExpressionWrappers(argument);
  if (attributes.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return attributes.properties.some((attribute) => {
    if (attribute.type !== AST_NODE_TYPES.Property || attribute.value.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const type = attribute.value.properties.find((p) => p.type === AST_NODE_TYPES.Property && getStaticPropertyName(p) === "type");
    return type?.type === AST_NODE_TYPES.Property && isSequelizeDataType(file, type.value);
  });
}

function isSequelizeDataType(file: FileContext, value: TSESTree.Node): boolean {
  let root = skipExpressionWrappers(value);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
    root = skipExpressionWrappers(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  }
  if (root.type !== AST_NODE_TYPES.Identifier || !(SEQUELIZE_ATTRIBUTES.dataTypesNames as readonly string[]).includes(root.name)) return false;
  const def = ASTUtils.findVariable(file.sourceCode.getScope(root), root)?.defs[0];
  // `module.exports = (sequelize, DataTypes) => …`: the data types handed in by the loader.
  if (def?.type === DefinitionType.Parameter) return true;
  const module = getImportPath(file, root)?.module;
  return module != null && (SEQUELIZE_ATTRIBUTES.modules).includes(module);
}

/** `timestamp("at").notNull().default(X)`: the column builder at the root of the chain. */
function getDrizzleColumn(file: FileContext, receiver: TSESTree.Node): SchemaDefault["column"] | null {
  let root = skipExpressionWrappers(receiver);
  if (root.type !== AST_NODE_TYPES.CallExpression) return null;
  for (;;) {
    const callee = skipExpressionWrappers(root.callee);
    const object = callee.type === AST_NODE_TYPES.MemberExpression ? skipExpressionWrappers(callee.object) : null;
    if (object?.type !== AST_NODE_TYPES.CallExpression) break;
    root = object;
  }
  const callee = skipExpressionWrappers(root.callee);
  const importPath = getImportPath(file, callee);
  if (importPath?.module && importPath.path.length === 1) {
    const core = DRIZZLE_CORE[importPath.module];
    return core ? { builder: importPath.path[0]!, databaseDefaults: core.databaseDefaults } : null;
  }
  // `pgTable("users", (t) => ({ id: t.uuid().default(X) }))`: builders handed to the callback.
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return null;
  const builder = getStaticPropertyName(callee);
  const def = ASTUtils.findVariable(file.sourceCode.getScope(callee.object), callee.object)?.defs[0];
  if (builder === undefined || def?.type !== DefinitionType.Parameter || def.node.parent?.type !== AST_NODE_TYPES.CallExpression) return null;
  const table = getImportPath(file, def.node.parent.callee);
  const core = table?.module ? DRIZZLE_CORE[table.module] : undefined;
  return core && table?.path.length === 1 && core.tables.includes(table.path[0]!) ? { builder, databaseDefaults: core.databaseDefaults } : null;
}

/** Not inside a function or an instance field: the expression runs once, when the module loads. */
function isEvaluatedOncePerProcess(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return false;
      case AST_NODE_TYPES.PropertyDefinition:
        if (!current.static) return false;
        break;
      default:
        break;
    }
  }
  return true;
}
