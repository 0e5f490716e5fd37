import type { TSESTree } from "@typescript-eslint/utils";
import type { FileContext } from "../src/analysis/file-context.js";
import type { LongLivedCollection } from "../src/analysis/long-lived-collection.js";
import type { MemoGrowth } from "../src/analysis/memo-growth.js";
import type { RuleContext } from "../src/create-rule.js";

import { AST_NODE_TYPES, TSESLint } from "@typescript-eslint/utils";

import { getCalledMethodName, getPlainFunctionName } from "../src/analysis/ast.js";
import { isBrowserModule, isBuildToolModule, isComponentFile, runsAfterDomRead } from "../src/analysis/browser-module.js";
import { getFileContext } from "../src/analysis/file-context.js";
import { hasPrimitiveDeclaredType, isPrimitiveTypeNode } from "../src/analysis/key-origin.js";
import { canShrink, getLongLivedCollections, isCreatedPerCall } from "../src/analysis/long-lived-collection.js";
import { getAppendGrowth, getMemoGrowth } from "../src/analysis/memo-growth.js";
import { isOneOffScriptFile, isTestFile } from "../src/analysis/run-once.js";
import { createRule } from "../src/create-rule.js";
import { LRU_REPLACEMENT, WEAK_COLLECTION_METHODS, WEAK_REPLACEMENTS } from "../src/knowledge/bounded-caches.js";

export type Options = [{ boundedCaches: string[]; reportPushOnlyArrays: boolean }];
export type MessageIds = "unboundedCache" | "unboundedCacheKeyed" | "unboundedArray" | "suggestLruCache" | "suggestWeakCollection";

export default createRule<Options, MessageIds>({
  name: "no-unbounded-cache",
  meta: {
    type: "problem",
    docs: { description: "Disallow long-lived Maps, Sets and objects used as caches that nothing ever shrinks", recommended: "strict" },
    messages: {
      unboundedCache:
        "`{{name}}` lives as long as the process and {{where}} adds an entry for each new key (line {{line}}), but nothing in this {{owner}} ever removes one: memory grows with every new key until the process runs out. Bound it: an `LRUCache` from lru-cache with `max` and `ttl`, eviction when a size limit is reached, or a `WeakMap` when the keys are objects.",
      unboundedCacheKeyed:
        "`{{name}}` lives as long as the process and {{where}} adds an entry keyed by `{{key}}` for each new key (line {{line}}), but nothing in this {{owner}} ever removes one: memory grows with every new key until the process runs out. Bound it: an `LRUCache` from lru-cache with `max` and `ttl`, eviction when a size limit is reached, or a `WeakMap` when the keys are objects.",
      unboundedArray:
        "`{{name}}` lives as long as the process and {{where}} appends to it (line {{line}}), but nothing in this module ever removes an item: memory grows with every call. Cap its length, drain it, or keep only the last items.",
      suggestLruCache: "Replace `{{creation}}` with `new LRUCache({{options}})` from lru-cache, and tune `max` and `ttl`.",
      suggestWeakCollection: "Replace `{{creation}}` with a `{{weak}}`: its entries go away with their object keys.",
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          boundedCaches: {
            type: "array",
            items: { type: "string" },
            description: "Names of in-house cache classes that bound themselves; collections created with them are never reported.",
          },
          reportPushOnlyArrays: {
            type: "boolean",
            description: "Also report module-level arrays that functions only ever push to (off by default: they are often registries).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ boundedCaches: [], reportPushOnlyArrays: false }],
  },
  create(context, [options]) {
    const trusted = new Set(options.boundedCaches);
    return {
      // At the exit, not the entry: the traversal has just read the top-level statements and class
      // bodies this reads, and the file's context was made by the rules created before (measured:
      // about 3 ms less on the benchmark corpus).
      "Program:exit"() {
        if (isTestFile(context) || isOneOffScriptFile(context)) return;
        const collections = getLongLivedCollections(context);
        if (collections.length === 0 || isComponentFile(context.filename)) return;
        // The rest of the browser test (imports, directives, DOM globals) only for a collection that grows.
        const isServerCode = (): boolean => !isBrowserModule(context) && !isBuildToolModule(context);
        for (const collection of collections) {
          if (collection.exported || isTrusted(collection, trusted)) continue;
          if (collection.shape === "array") {
            if (collection.lifetime !== "module" || !options.reportPushOnlyArrays) continue;
            const growth = getAppendGrowth(collection);
            if (growth && !canShrink(context, collection) && isServerCode()) context.report({ node: collection.creation, messageId: "unboundedArray", data: describe(context, collection, growth) });
            continue;
          }
          const growth = getMemoGrowth(context, collection);
          if (!growth || canShrink(context, collection) || isCreatedPerCall(context, collection) || !isServerCode() || runsAfterDomRead(context, growth.store.node)) continue;
          const data = describe(context, collection, growth);
          context.report({
            node: collection.creation,
            messageId: growth.key ? "unboundedCacheKeyed" : "unboundedCache",
            data,
            suggest: buildSuggestions(context, collection, growth, data.creation ?? ""),
          });
        }
      },
    };
  },
});

const { ScopeType } = TSESLint.Scope;

type Context = RuleContext<MessageIds, Options>;

function isTrusted(collection: LongLivedCollection, trusted: ReadonlySet<string>): boolean {
  if (collection.constructorName !== undefined && trusted.has(collection.constructorName)) return true;
  const annotation = collection.annotation;
  return annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && trusted.has(annotation.typeName.name);
}

function describe(context: Context, collection: LongLivedCollection, growth: MemoGrowth): Record<string, string> {
  const text = (node: TSESTree.Node): string => {
    const raw = context.sourceCode.getText(node).replace(/\s+/gu, " ");
    return raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
  };
  const fnName = getPlainFunctionName(growth.fn);
  const className = collection.classNode?.id?.name;
  return {
    name: collection.name,
    where: fnName === undefined ? "a callback" : `\`${fnName}()\``,
    line: String(growth.store.node.loc.start.line),
    owner: collection.classNode ? (className ? `class \`${className}\`` : "class") : "module",
    key: growth.keySource ? text(growth.keySource) : "",
    creation: text(collection.creation),
  };
}

/** The LRUCache replacement for a `new Map()`, and a WeakMap/WeakSet when the keys are objects. */
function buildSuggestions(context: Context, collection: LongLivedCollection, growth: MemoGrowth, creationText: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const creation = collection.creation;
  if (creation.type !== AST_NODE_TYPES.NewExpression || creation.arguments.length > 0) return [];
  const constructorName = collection.constructorName ?? "";
  const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  const typeArguments = creation.typeArguments ? context.sourceCode.getText(creation.typeArguments) : "";
  if (collection.shape === "map" && constructorName === "Map") {
    suggestions.push({
      messageId: "suggestLruCache",
      data: { creation: creationText, options: LRU_REPLACEMENT.options },
      fix: (fixer) => {
        const fixes = [fixer.replaceText(creation, `new ${LRU_REPLACEMENT.exportName}${typeArguments}(${LRU_REPLACEMENT.options})`)];
        const annotation = renameAnnotation(fixer, collection.annotation, "Map", LRU_REPLACEMENT.exportName);
        if (annotation) fixes.push(annotation);
        const importFix = insertImport(context, fixer);
        if (importFix) fixes.push(importFix);
        return fixes;
      },
    });
  }
  const weak = WEAK_REPLACEMENTS[constructorName];
  if (weak && hasObjectKeys(getFileContext(context), collection, growth) && usesOnlyKeyedMethods(collection)) {
    suggestions.push({
      messageId: "suggestWeakCollection",
      data: { creation: creationText, weak },
      fix: (fixer) => {
        const fixes = [fixer.replaceText(creation.callee, weak)];
        const annotation = renameAnnotation(fixer, collection.annotation, constructorName, weak);
        if (annotation) fixes.push(annotation);
        return fixes;
      },
    });
  }
  return suggestions;
}

function renameAnnotation(fixer: TSESLint.RuleFixer, annotation: TSESTree.TypeNode | undefined, from: string, to: string): TSESLint.RuleFix | null {
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return null;
  return annotation.typeName.name === from ? fixer.replaceText(annotation.typeName, to) : null;
}

/** `import { LRUCache } from "lru-cache"` (or a `require` in a CommonJS file), unless bound already. */
function insertImport(context: Context, fixer: TSESLint.RuleFixer): TSESLint.RuleFix | null {
  const { sourceCode } = context;
  const program = sourceCode.ast;
  const name = LRU_REPLACEMENT.exportName;
  if (sourceCode.scopeManager?.scopes.some((scope) => (scope.type === ScopeType.module || scope.type === ScopeType.global) && scope.set.get(name)?.defs.length)) return null;
  const imports = program.body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const esm = imports.length > 0 || program.body.some((statement) => statement.type.startsWith("Export")) || !/\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w/u.test(sourceCode.text);
  const line = esm ? `import { ${name} } from "${LRU_REPLACEMENT.module}";` : `const { ${name} } = require("${LRU_REPLACEMENT.module}");`;
  const last = imports.at(-1);
  if (last) return fixer.insertTextAfter(last, `\n${line}`);
  const first = program.body.find((statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive));
  return first ? fixer.insertTextBefore(first, `${line}\n`) : null;
}

/** The key type is an object type (`Map<Request, …>`), or the key written is `this`. */
function hasObjectKeys(file: FileContext, collection: LongLivedCollection, growth: MemoGrowth): boolean {
  if (growth.key?.type === AST_NODE_TYPES.ThisExpression) return true;
  // `getVocab(p: string)`, `Map<UserId, User>` with `type UserId = string`: primitive keys, whatever the map says.
  if (growth.key && hasPrimitiveDeclaredType(file, growth.key)) return false;
  const creation = collection.creation;
  const fromCreation = creation.type === AST_NODE_TYPES.NewExpression ? creation.typeArguments?.params[0] : undefined;
  const annotation = collection.annotation;
  const fromAnnotation = annotation?.type === AST_NODE_TYPES.TSTypeReference ? annotation.typeArguments?.params[0] : undefined;
  const keyType = fromCreation ?? fromAnnotation;
  if (!keyType) return false;
  if (keyType.type === AST_NODE_TYPES.TSTypeLiteral || keyType.type === AST_NODE_TYPES.TSObjectKeyword) return true;
  if (isPrimitiveTypeNode(file, keyType)) return false;
  return keyType.type === AST_NODE_TYPES.TSTypeReference && keyType.typeName.type === AST_NODE_TYPES.Identifier && !/^(?:String|Number|Boolean|Symbol|BigInt)$/u.test(keyType.typeName.name);
}

/** A WeakMap has no size, iteration or clear: only switch when the code needs none of them. */
function usesOnlyKeyedMethods(collection: LongLivedCollection): boolean {
  return collection.uses.every((use) => {
    if (use.foreign) return false;
    const method = use.node.type === AST_NODE_TYPES.CallExpression ? getCalledMethodName(use.node) : undefined;
    return method !== undefined && WEAK_COLLECTION_METHODS.includes(method);
  });
}
