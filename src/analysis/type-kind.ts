import type { TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import type { FileContext } from "./file-context.js";
import type { ValueKind } from "./value-kind.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getGlobalTypeKind, getLibraryOfPackage } from "../knowledge/index.js";
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
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return null;
    const checker = services.program.getTypeChecker();
    const symbol = getDeclaredSymbol(checker, node, tsNode);
    if (symbol) {
      const known = symbolKinds.get(symbol);
      if (known !== undefined) return known;
      const kind = kindOfType(checker, checker.getTypeOfSymbol(symbol), 0);
      symbolKinds.set(symbol, kind);
      return kind;
    }
    return kindOfType(checker, checker.getTypeAtLocation(tsNode), 0);
  } catch {
    return null;
  }
}

/**
 * A variable or property (`client`, `this.cache`, `deps.redis`) is judged by its declared type,
 * once per symbol: every reference shares the answer, and no reference pays for control-flow
 * narrowing (a `Redis | undefined` union still finds `Redis`).
 */
const symbolKinds = new WeakMap<ts.Symbol, ValueKind | null>();

function getDeclaredSymbol(checker: ts.TypeChecker, node: TSESTree.Node, tsNode: ts.Node): ts.Symbol | undefined {
  if (typeof checker.getTypeOfSymbol !== "function") return undefined;
  if (node.type === AST_NODE_TYPES.Identifier) return checker.getSymbolAtLocation(tsNode);
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) return checker.getSymbolAtLocation((tsNode as ts.PropertyAccessExpression).name);
  return undefined;
}

function kindOfType(checker: ts.TypeChecker, type: ts.Type, depth: number): ValueKind | null {
  if (depth > 2) return null;
  if (type.isUnion()) {
    for (const member of type.types) {
      const kind = kindOfType(checker, member, depth + 1);
      if (kind) return kind;
    }
    return null;
  }
  const symbol = type.aliasSymbol ?? type.getSymbol();
  if (!symbol) return null;
  const name = symbol.getName();
  if (name === "Promise") {
    const [inner] = checker.getTypeArguments(type as ts.TypeReference);
    const kind = inner ? kindOfType(checker, inner, depth + 1) : null;
    return kind ? { ...kind, promise: true } : null;
  }
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
  const name = match[1];
  if (name.startsWith("@types/")) {
    const bare = name.slice("@types/".length);
    return bare.includes("__") ? `@${bare.replace("__", "/")}` : bare;
  }
  return name === ".prisma" ? "@prisma/client" : name;
}

function isStandardLibrary(packageName: string, fileName: string): boolean {
  return (packageName === "typescript" && /\/lib\.[^/]*\.d\.ts$/u.test(fileName)) || packageName === "undici-types" || packageName === "node";
}
