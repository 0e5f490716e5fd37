import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { PerCallValue } from "../src/analysis/per-call-value.js";
import type { SchemaDefault } from "../src/analysis/schema-default.js";
import type { DefaultFixStyle } from "../src/knowledge/schema-defaults.js";
import type { PostmortemSettings } from "../src/settings.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getStaticPropertyName } from "../src/analysis/ast.js";
import { withCallIndex } from "../src/analysis/call-index.js";
import { getFileContext } from "../src/analysis/file-context.js";
import { getPerCallValue, mightBePerCallValue } from "../src/analysis/per-call-value.js";
import { isTestFile } from "../src/analysis/run-once.js";
import { getCallSchemaDefault, getPropertySchemaDefault } from "../src/analysis/schema-default.js";
import { mayNameAny } from "../src/analysis/source-text.js";
import { createRule } from "../src/create-rule.js";
import { createNamesWithSettings } from "../src/settings.js";
import {
  CHAIN_DEFAULT_METHOD,
  DECORATOR_CONTEXTS,
  DEFAULT_KEYS,
  DRIZZLE_DEFAULT_FN,
  MIKRO_ON_CREATE_KEY,
  SCHEMA_LIBRARIES,
  SQL_NOW_DEFAULT,
} from "../src/knowledge/schema-defaults.js";

export type Options = [];
export type MessageIds = "evaluatedOnce" | "suggestFunction" | "suggestPerRowFunction" | "suggestDatabaseDefault";

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

const CHAIN_DEFAULT_METHODS: ReadonlySet<string> = new Set([CHAIN_DEFAULT_METHOD]);

export default createRule<Options, MessageIds>({
  name: "no-call-evaluated-default",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow schema and model defaults computed once, when the module loads, from the clock or a random source",
      recommended: "recommended",
    },
    messages: {
      evaluatedOnce:
        "`{{value}}` is evaluated once, when this {{library}} schema is defined, not for each record: every record this process creates gets the same value ({{what}} when the module loaded), so ids collide and timestamps freeze. {{advice}}.",
      suggestFunction: "Pass `{{replacement}}`, a function that runs for every record.",
      suggestPerRowFunction: "Use `{{replacement}}`, which {{library}} runs for every new record.",
      suggestDatabaseDefault: "Use `{{replacement}}`, which the database evaluates for every row.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const settings = getFileContext(context).settings;
    const defaultKeys = getDefaultKeys(settings);
    // No default without its name in the text (`default:`, `defaultValue:`, `.default(`, `@Default(`):
    // more than half of the files, skipped before their objects are visited.
    if (!mayNameAny(sourceCode.text, getDefaultNames(settings))) return {};
    // A schema a test defines makes the test's records, not production's (mongoose's test/types/schema.test.ts).
    if (isTestFile(context)) return {};

    function check(value: TSESTree.Node, holder: TSESTree.Property | TSESTree.CallExpression, find: () => SchemaDefault | null): void {
      if (!mightBePerCallValue(value)) return;
      const perCall = getPerCallValue(context, value as TSESTree.Expression);
      if (!perCall) return;
      const schema = find();
      const library = schema ? SCHEMA_LIBRARIES[schema.library] : undefined;
      if (!schema || !library) return;
      const fixStyle = schema.suggestOnly && library.fix === "wrap" ? "suggestWrap" : library.fix;
      const functionForm = perCall.inPlace ? getFunctionForm(sourceCode, value, perCall) : undefined;
      const suggestions = functionForm === undefined ? [] : getSuggestions(sourceCode, schema, fixStyle, holder, value, perCall, functionForm);
      context.report({
        node: value,
        messageId: "evaluatedOnce",
        data: { value: shorten(sourceCode.getText(value)), library: library.displayName, what: perCall.source.yields, advice: library.advice },
        fix: fixStyle === "wrap" && functionForm !== undefined ? (fixer) => fixer.replaceText(value, functionForm) : null,
        suggest: suggestions,
      });
    }

    /** `.default(x)` or a decorator's `@Column({ … })`, with one argument. */
    function checkCall(node: TSESTree.CallExpression): void {
      const value = node.arguments[0];
      if (node.arguments.length !== 1 || !value || value.type === AST_NODE_TYPES.SpreadElement) return;
      check(value, node, () => getCallSchemaDefault(context, node));
    }

    const listeners = {
      Decorator(node: TSESTree.Decorator): void {
        if (node.expression.type === AST_NODE_TYPES.CallExpression) checkCall(node.expression);
      },
      // The object rather than each property: a third as many listener calls, and no destructuring pattern.
      ObjectExpression(node: TSESTree.ObjectExpression): void {
        const properties = node.properties;
        for (let position = 0; position < properties.length; position++) {
          const property = properties[position]!;
          if (property.type !== AST_NODE_TYPES.Property) continue;
          // The key first: almost no property is named like a default.
          const key = !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : getStaticPropertyName(property);
          if (key === undefined || !defaultKeys.has(key) || property.kind !== "init" || property.method) continue;
          check(property.value, property, () => getPropertySchemaDefault(context, property));
        }
      },
    };
    return withCallIndex(
      context,
      (index) => {
        for (const node of index.callsToMethods(CHAIN_DEFAULT_METHODS)) {
          // A decorator's call is checked by `Decorator`, once.
          if (node.callee.type === AST_NODE_TYPES.MemberExpression && node.parent.type !== AST_NODE_TYPES.Decorator) checkCall(node);
        }
      },
      listeners,
    );
  },
});

/** The default keys of `settings.postmortem.schemaHelpers`. */
function getHelperDefaultKeys(settings: PostmortemSettings): readonly string[] {
  return settings.schemaHelpers.flatMap((helper) => helper.defaultKeys);
}

/** The property names that hold a default: the libraries' and those of `settings.postmortem.schemaHelpers`. */
const getDefaultKeys = createNamesWithSettings(new Set(DEFAULT_KEYS), getHelperDefaultKeys);

/** Decorators whose argument is the default itself (`@Default(X)`). */
const VALUE_DECORATORS: readonly string[] = DECORATOR_CONTEXTS.flatMap((context) => Object.keys(context.decorators).filter((name) => context.decorators[name] === "value"));

/** The libraries' names a default is written with, less those holding another (`defaultValue` holds `default`): one text search each. */
const TEXT_NAMES = [...new Set([CHAIN_DEFAULT_METHOD, ...DEFAULT_KEYS, ...VALUE_DECORATORS])].filter((name, _, all) => !all.some((other) => other !== name && name.includes(other)));

/** Every name a default is written with, `settings.postmortem.schemaHelpers` keys included: the text guard's. */
const getDefaultNames = createNamesWithSettings(new Set(TEXT_NAMES), getHelperDefaultKeys);

/** `Date.now()` → `Date.now`; any other per-call value `X` → `() => X`. */
function getFunctionForm(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node, perCall: PerCallValue): string {
  if (perCall.exact && perCall.source.takesNoArguments && perCall.node.type === AST_NODE_TYPES.CallExpression && perCall.node.arguments.length === 0) {
    return sourceCode.getText(perCall.node.callee);
  }
  return `() => ${sourceCode.getText(value)}`;
}

function getSuggestions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  schema: SchemaDefault,
  fixStyle: DefaultFixStyle,
  holder: TSESTree.Property | TSESTree.CallExpression,
  value: TSESTree.Node,
  perCall: PerCallValue,
  functionForm: string,
): Suggestion[] {
  const library = SCHEMA_LIBRARIES[schema.library]!;
  const arrow = `() => ${sourceCode.getText(value)}`;
  switch (fixStyle) {
    case "suggestWrap":
      return [replaceWith(value, functionForm, "suggestFunction", { replacement: shorten(functionForm) })];
    case "drizzle": {
      if (holder.type !== AST_NODE_TYPES.CallExpression || holder.callee.type !== AST_NODE_TYPES.MemberExpression || holder.callee.computed) return [];
      const method = holder.callee.property;
      const replaceCall = (text: string, messageId: MessageIds): Suggestion => ({
        messageId,
        data: { replacement: shorten(`.${text}`), library: library.displayName },
        fix: (fixer) => fixer.replaceTextRange([method.range[0], holder.range[1]], text),
      });
      const suggestions = [replaceCall(`${DRIZZLE_DEFAULT_FN}(${arrow})`, "suggestPerRowFunction")];
      for (const database of schema.column?.databaseDefaults ?? []) {
        if (perCall.exact && database.category === perCall.source.category && database.builders.includes(schema.column!.builder)) {
          suggestions.push(replaceCall(`${database.method}()`, "suggestDatabaseDefault"));
        }
      }
      return suggestions;
    }
    case "sql":
      return perCall.exact && perCall.source.yieldsDate && holder.type === AST_NODE_TYPES.Property
        ? [replaceWith(value, SQL_NOW_DEFAULT, "suggestDatabaseDefault", { replacement: SQL_NOW_DEFAULT })]
        : [];
    case "onCreate": {
      if (holder.type !== AST_NODE_TYPES.Property || holder.shorthand || holder.computed || hasKey(holder.parent, MIKRO_ON_CREATE_KEY)) return [];
      const text = `${MIKRO_ON_CREATE_KEY}: ${arrow}`;
      return [replaceWith(holder, text, "suggestPerRowFunction", { replacement: shorten(text), library: library.displayName })];
    }
    default:
      return [];
  }
}

function replaceWith(node: TSESTree.Node, text: string, messageId: MessageIds, data: Record<string, string>): Suggestion {
  return { messageId, data, fix: (fixer) => fixer.replaceText(node, text) };
}

function hasKey(object: TSESTree.Node, key: string): boolean {
  return object.type === AST_NODE_TYPES.ObjectExpression && object.properties.some((p) => p.type === AST_NODE_TYPES.Property && getStaticPropertyName(p) === key);
}

function shorten(text: string): string {
  const line = text.replace(/\s+/gu, " ");
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
