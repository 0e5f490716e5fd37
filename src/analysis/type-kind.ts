import type { TSESTree } from "@typescript-eslint/utils";
import type * as TypeScript from "typescript";
import type { FileContext } from "./file-context.js";
import type { ValueKind } from "./value-kind.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { createRequire } from "node:module";

import { getGlobalTypeKind, getLibraryOfPackage } from "../knowledge/index.js";
import { skipExpressionWrappers } from "./ast.js";
import { getThisClass, getThisMemberAnnotation } from "./class-members.js";
import { getExportsOfModule } from "./file-context.js";
import { fromRef } from "./value-kind.js";

/**
 * With type information only: the kind of a value from its declared type's name and the package
 * that declares it (`Pool` declared in `node_modules/@types/pg` → `pg.pool`). `Promise<T>` gives
 * T as a promise. Never throws: any checker failure means "unknown".
 */
export function getKindFromType(file: FileContext, node: TSESTree.Node): ValueKind | null {
  const services = file.typeServices;
  if (!services) return null;
  try {
    const ts = getTypeScript(services.esTreeNodeToTSNodeMap.get(file.sourceCode.ast));
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return null;
    const checker = services.program.getTypeChecker();
    const symbol = getDeclaredSymbol(checker, node, tsNode);
    if (symbol) {
      const known = symbolKinds.get(symbol);
      if (known !== undefined) return known;
      const constructed = ts ? kindOfConstructedVariable(ts, checker, symbol) : undefined;
      const subclass = constructed === undefined && ts ? kindOfSubclass(file, ts, checker, symbol) : undefined;
      const kind = constructed !== undefined ? constructed : (subclass ?? kindOfType(checker, checker.getTypeOfSymbol(symbol), 0));
      symbolKinds.set(symbol, kind);
      return kind;
    }
    if (ts && ts.isCallExpression(tsNode)) {
      const declared = kindOfDeclaredReturn(file, ts, checker, node, tsNode);
      if (declared !== undefined) return declared;
    }
    return kindOfType(checker, checker.getTypeAtLocation(tsNode), 0);
  } catch {
    return null;
  }
}

/**
 * With type information only: whether `node`'s type allows a fixed set of values, a union of
 * literals or an enum (`"daily" | "weekly"`, `Corpus`). False without types or on any failure.
 */
export function isFiniteTypeAt(file: FileContext, node: TSESTree.Node): boolean {
  const services = file.typeServices;
  if (!services) return false;
  try {
    const ts = getTypeScript(services.esTreeNodeToTSNodeMap.get(file.sourceCode.ast));
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    if (!ts || !tsNode) return false;
    const type = services.program.getTypeChecker().getTypeAtLocation(tsNode);
    const finite = ts.TypeFlags.BooleanLiteral | ts.TypeFlags.EnumLiteral | ts.TypeFlags.Undefined | ts.TypeFlags.Null;
    return (type.isUnion() ? type.types : [type]).every((member) => member.isLiteral() || (member.flags & finite) !== 0);
  } catch {
    return false;
  }
}

/**
 * A variable or property (`client`, `this.cache`, `deps.redis`) is judged by its declared type,
 * once per symbol: every reference shares the answer, and no reference pays for control-flow
 * narrowing (a `Redis | undefined` union still finds `Redis`).
 */
const symbolKinds = new WeakMap<TypeScript.Symbol, ValueKind | null>();

function getDeclaredSymbol(checker: TypeScript.TypeChecker, node: TSESTree.Node, tsNode: TypeScript.Node): TypeScript.Symbol | undefined {
  if (typeof checker.getTypeOfSymbol !== "function") return undefined;
  if (node.type === AST_NODE_TYPES.Identifier) return checker.getSymbolAtLocation(tsNode);
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) return checker.getSymbolAtLocation((tsNode as TypeScript.PropertyAccessExpression).name);
  return undefined;
}

/**
 * `const pool = new Pool(…)` without an annotation: the instance type of a class is that class,
 * so its symbol answers without inferring the construction (a generic class instantiated from
 * its arguments costs milliseconds). Undefined when the constructor is not a class.
 */
function kindOfConstructedVariable(ts: typeof TypeScript, checker: TypeScript.TypeChecker, symbol: TypeScript.Symbol): ValueKind | null | undefined {
  const constructed = getConstructedClass(ts, checker, symbol.valueDeclaration);
  return constructed ? kindOfSymbol(constructed) : undefined;
}

/** The class of `x = new C(…)` declared without an annotation, by symbol: no inference of the construction. */
function getConstructedClass(ts: typeof TypeScript, checker: TypeScript.TypeChecker, declaration: TypeScript.Declaration | undefined): TypeScript.Symbol | undefined {
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.type || !declaration.initializer) return undefined;
  const initializer = declaration.initializer;
  if (!ts.isNewExpression(initializer) || !ts.isIdentifier(initializer.expression)) return undefined;
  const constructor = resolveAlias(ts, checker, checker.getSymbolAtLocation(initializer.expression));
  return constructor && constructor.flags & ts.SymbolFlags.Class ? constructor : undefined;
}

/** How many `extends` are followed from a class of the application to a library's class. */
const MAX_HERITAGE = 8;

/**
 * A class of the application that extends a library's class, maybe through classes of its own
 * (outline's `Document extends ArchivableModel`, …, `extends Model` of sequelize-typescript),
 * named in another file: the kind the library's class gives its subclasses (`extendsTo`). Each
 * `extends` is followed to its declaration, symbol by symbol, so no type of the class is inferred:
 * without this, `Document.scope("withDrafts")` was left to the checker, which inferred the generic
 * static `scope` for half a second and found no library type. Undefined when the symbol is no
 * class of the application, or its chain of classes leads to no library class that has one.
 */
function kindOfSubclass(file: FileContext, ts: typeof TypeScript, checker: TypeScript.TypeChecker, symbol: TypeScript.Symbol): ValueKind | undefined {
  let current = resolveAlias(ts, checker, symbol);
  for (let depth = 0; current && current.flags & ts.SymbolFlags.Class && depth <= MAX_HERITAGE; depth++) {
    const declaration = current.declarations?.find((node): node is TypeScript.ClassLikeDeclaration => ts.isClassLike(node));
    if (!declaration) return undefined;
    const packageName = getPackageName(declaration.getSourceFile().fileName);
    if (packageName !== undefined) {
      // The class itself is a library's: its own kind is read from its type, not here.
      if (depth === 0) return undefined;
      const base = fromRef(getExportsOfModule(file, packageName)?.[current.getName()]);
      return fromRef(base?.knowledge.extendsTo) ?? undefined;
    }
    const heritage = declaration.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    // `extends Mixin(Base)`, `extends (cond ? A : B)`: only the checker could tell.
    if (!heritage || !(ts.isIdentifier(heritage) || ts.isPropertyAccessExpression(heritage))) return undefined;
    current = resolveAlias(ts, checker, checker.getSymbolAtLocation(ts.isPropertyAccessExpression(heritage) ? heritage.name : heritage));
  }
  return undefined;
}

/**
 * `makeClient().query()`: the declared return type of a function that is not generic is the
 * call's type, without resolving the call. An overloaded function qualifies when all its
 * overloads declare the same return type (outline's `server.post(…): ReturnType<typeof fetch>`
 * in two forms): resolving a call among overloads infers every argument. Undefined otherwise.
 */
function kindOfDeclaredReturn(file: FileContext, ts: typeof TypeScript, checker: TypeScript.TypeChecker, node: TSESTree.Node, call: TypeScript.CallExpression): ValueKind | null | undefined {
  if (call.typeArguments) return undefined;
  const callee = ts.isIdentifier(call.expression) ? call.expression : ts.isPropertyAccessExpression(call.expression) ? call.expression.name : undefined;
  const own = ts.isPropertyAccessExpression(call.expression) ? getOwnMethodSymbol(file, ts, checker, node, call.expression) : undefined;
  const target = own ?? (callee ? resolveAlias(ts, checker, checker.getSymbolAtLocation(callee)) : undefined);
  const declaration = getSignatureDeclaration(ts, target?.getDeclarations() ?? []);
  if (!declaration || !declaration.type || declaration.typeParameters) return undefined;
  // `chain(): this` is the receiver's own class, maybe a subclass.
  if (declaration.type.kind === ts.SyntaxKind.ThisType) return undefined;
  // A method of a generic class may return the class's type parameter.
  if (ts.isMethodDeclaration(declaration) && ts.isClassLike(declaration.parent) && declaration.parent.typeParameters) return undefined;
  return kindOfType(checker, checker.getTypeFromTypeNode(declaration.type), 0);
}

/**
 * `server.connect()` where `const server = new Server(…)`, and `this.load()` in a method of a
 * class: the method as the class declares it, read from the class's members. Asking the checker
 * for the symbol of `connect` checks the receiver first, which infers the construction and its
 * arguments (mongodb's `new Server(topology, description, topology.s.options)`: 40 ms).
 * Undefined when the class does not declare the method itself (inherited: the checker answers).
 */
function getOwnMethodSymbol(file: FileContext, ts: typeof TypeScript, checker: TypeScript.TypeChecker, call: TSESTree.Node, access: TypeScript.PropertyAccessExpression): TypeScript.Symbol | undefined {
  const receiver = access.expression;
  let owner: TypeScript.Symbol | undefined;
  if (receiver.kind === ts.SyntaxKind.ThisKeyword) {
    const classNode = call.type === AST_NODE_TYPES.CallExpression ? getThisClass(call.callee) : null;
    const name = classNode?.id ? file.typeServices?.esTreeNodeToTSNodeMap.get(classNode.id) : undefined;
    owner = name ? checker.getSymbolAtLocation(name) : undefined;
  } else if (ts.isIdentifier(receiver)) {
    const declaration = checker.getSymbolAtLocation(receiver)?.valueDeclaration;
    // A `let` may hold another class's instance by the time of the call.
    if (declaration && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) owner = getConstructedClass(ts, checker, declaration);
  } else if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword) {
    owner = getThisMemberClass(file, checker, call);
  }
  if (!owner || !(owner.flags & ts.SymbolFlags.Class)) return undefined;
  const method = owner.members?.get(access.name.escapedText);
  return method && method.flags & ts.SymbolFlags.Method ? method : undefined;
}

/**
 * `this.client.connect()` where the class declares `client: MongoClient` (or `client?: Pool`,
 * `monitor: Monitor | null`): the class its annotation names (`getThisMemberAnnotation`). Asking
 * for the symbol of `connect` checks the access `this.client` first: the class's instance type
 * and the narrowing of the access in its method (mongodb's `this.monitor?.connect()`: several
 * milliseconds on first question).
 */
function getThisMemberClass(file: FileContext, checker: TypeScript.TypeChecker, node: TSESTree.Node): TypeScript.Symbol | undefined {
  const call = skipExpressionWrappers(node);
  const callee = call.type === AST_NODE_TYPES.CallExpression ? skipExpressionWrappers(call.callee) : undefined;
  const annotation = callee?.type === AST_NODE_TYPES.MemberExpression ? getThisMemberAnnotation(file, skipExpressionWrappers(callee.object)) : undefined;
  const type = annotation && (file.typeServices?.esTreeNodeToTSNodeMap.get(annotation) as TypeScript.TypeNode | undefined);
  return type ? checker.getNonNullableType(checker.getTypeFromTypeNode(type)).getSymbol() : undefined;
}

/** The one declaration of a function or method, or its first overload when all overloads declare the same return type. */
function getSignatureDeclaration(ts: typeof TypeScript, declarations: readonly TypeScript.Declaration[]): TypeScript.FunctionDeclaration | TypeScript.MethodDeclaration | undefined {
  const functions = declarations.filter((declaration) => ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration));
  if (functions.length !== declarations.length || functions.length === 0) return undefined;
  if (functions.length === 1) return functions[0];
  // The implementation of overloads is not callable from outside: its own return type does not count.
  const overloads = functions.filter((declaration) => !declaration.body);
  const [first] = overloads;
  const returnType = first?.type?.getText();
  if (!first || returnType === undefined || overloads.some((overload) => overload.type?.getText() !== returnType || overload.typeParameters)) return undefined;
  return first;
}

function resolveAlias(ts: typeof TypeScript, checker: TypeScript.TypeChecker, symbol: TypeScript.Symbol | undefined): TypeScript.Symbol | undefined {
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

let typeScript: typeof TypeScript | null | undefined;

/**
 * The `typescript` module, for its node tests and flags, loaded only with type information (an
 * optional peer dependency), and only when it is the one whose nodes the parser built: the
 * program's source file must be a SourceFile by its `SyntaxKind`. Otherwise the shortcuts are off.
 */
export function getTypeScript(sourceFile: TypeScript.Node): typeof TypeScript | undefined {
  if (typeScript === undefined) {
    try {
      const loaded = createRequire(import.meta.url)("typescript") as typeof TypeScript;
      typeScript = sourceFile.kind === loaded.SyntaxKind.SourceFile ? loaded : null;
    } catch {
      typeScript = null;
    }
  }
  return typeScript ?? undefined;
}

function kindOfType(checker: TypeScript.TypeChecker, type: TypeScript.Type, depth: number): ValueKind | null {
  if (depth > 2) return null;
  if (type.isUnion()) {
    for (const member of type.types) {
      const kind = kindOfType(checker, member, depth + 1);
      if (kind) return kind;
    }
    return null;
  }
  const symbol = type.getSymbol();
  if (symbol?.getName() === "Promise") {
    const [inner] = checker.getTypeArguments(type as TypeScript.TypeReference);
    const kind = inner ? kindOfType(checker, inner, depth + 1) : null;
    return kind ? { ...kind, promise: true } : null;
  }
  // An alias of a library (`Repository` of typeorm) or of the application (`type KyselyDB = Kysely<DB>`), then the type itself.
  const alias = type.aliasSymbol ? kindOfSymbol(type.aliasSymbol) : null;
  return alias ?? (symbol ? kindOfSymbol(symbol) : null);
}

/** A library kind by the name of the symbol of a type and the package that declares it. */
function kindOfSymbol(symbol: TypeScript.Symbol): ValueKind | null {
  const name = symbol.getName();
  if (name === "Promise") return null;
  const fileName = symbol.getDeclarations()?.[0]?.getSourceFile().fileName;
  if (!fileName) return null;
  const packageName = getPackageName(fileName);
  if (packageName === undefined) return null;
  if (isStandardLibrary(packageName, fileName)) {
    return fromRef(getGlobalTypeKind(name));
  }
  const library = getLibraryOfPackage(packageName);
  return fromRef(library?.types?.[name]);
}

/** `…/node_modules/@types/pg/index.d.ts` → `pg`; `…/node_modules/@prisma/client/…` → `@prisma/client`. */
export function getPackageName(fileName: string): string | undefined {
  const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(fileName.replaceAll("\\", "/"));
  if (!match?.[1]) return undefined;
  return normalizePackageName(match[1]);
}

/** `@types/pg` → `pg`, `@types/babel__core` → `@babel/core`, `.prisma` → `@prisma/client`: the package a directory of `node_modules` declares. */
export function normalizePackageName(name: string): string {
  if (name.startsWith("@types/")) {
    const bare = name.slice("@types/".length);
    return bare.includes("__") ? `@${bare.replace("__", "/")}` : bare;
  }
  return name === ".prisma" ? "@prisma/client" : name;
}

function isStandardLibrary(packageName: string, fileName: string): boolean {
  return (packageName === "typescript" && /\/lib\.[^/]*\.d\.ts$/u.test(fileName)) || packageName === "undici-types" || packageName === "node";
}
