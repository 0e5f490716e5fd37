import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Rule, SourceCode } from "eslint";

import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

import { countKeptNameSets, withCallIndex } from "../../src/analysis/call-index.js";
import plugin from "../../src/index.js";

/**
 * The call index is filled by one rule's listener and read by every rule at `Program:exit`.
 * These cases lint with several rules at once, which the rule tester never does.
 */

type Listener = TSESLint.RuleListener;

/** A rule that reports, on the Program, what it read from the index. */
function probe(read: (index: Parameters<Parameters<typeof withCallIndex>[1]>[0]) => string, own: Listener = {}): Rule.RuleModule {
  return {
    meta: { type: "problem", schema: [], messages: { index: "{{text}}" } },
    create(context) {
      const typed = context as unknown as Parameters<typeof withCallIndex>[0];
      const listeners = withCallIndex(typed, (index) => context.report({ loc: { line: 1, column: 0 }, messageId: "index", data: { text: read(index) } }), own);
      return listeners as unknown as ReturnType<Rule.RuleModule["create"]>;
    },
  };
}

const text = (calls: readonly { range?: [number, number] }[], source: string): string => calls.map((call) => source.slice(call.range![0], call.range![1])).join(" | ");

const code = "a.get(k); f(x.set(k, 1)); b?.get(k); g(); (c as any).get(1); d['get'](2); e[get](3); new F(); get(4);";

function lint(rules: Record<string, Rule.RuleModule>, source: string | SourceCode = code, linter = new Linter()): Record<string, string> {
  const config: Linter.Config[] = [
    {
      languageOptions: { parser: tsParser },
      plugins: { probe: { rules } },
      rules: Object.fromEntries(Object.keys(rules).map((name) => [`probe/${name}`, "error"])),
    },
  ];
  const messages = linter.verify(source, config);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return Object.fromEntries(messages.map((message) => [message.ruleId!.slice("probe/".length), message.message]));
}

describe("call index", () => {
  const all = probe((index) => text(index.calls, code));
  const gets = probe((index) => text(index.callsToMethods(new Set(["get"])), code));
  const getsAndG = probe((index) => text(index.callsToMethodsOrFunctions(new Set(["get", "g", "set"])), code));

  it("holds every call in traversal order, outer before inner", () => {
    expect(lint({ all }).all).toBe("a.get(k) | f(x.set(k, 1)) | x.set(k, 1) | b?.get(k) | g() | (c as any).get(1) | d['get'](2) | e[get](3) | get(4)");
  });

  it("finds calls by method name, static keys included, computed names and a function of the name not", () => {
    expect(lint({ gets }).gets).toBe("a.get(k) | b?.get(k) | (c as any).get(1) | d['get'](2)");
  });

  it("finds methods and functions together, still in traversal order", () => {
    expect(lint({ getsAndG }).getsAndG).toBe("a.get(k) | x.set(k, 1) | b?.get(k) | g() | (c as any).get(1) | d['get'](2) | get(4)");
  });

  it("finds the calls inside a node by position, nested ones included, none after it", () => {
    const source = "before(); run(() => { a.get(k); inner(x.set(k, 1)); }); after();";
    const within = probe((index) => text(index.callsWithin((index.callsToMethodsOrFunctions(new Set(["run"]))[0]!.arguments[0] as TSESTree.ArrowFunctionExpression).body), source));
    expect(lint({ within }, source).within).toBe("a.get(k) | inner(x.set(k, 1)) | x.set(k, 1)");
  });

  it("finds calls in decorators, class members and static blocks in source order", () => {
    const source = "@dec(a()) class C { @m(b()) method() { c(); } field = d(); static { e(); } }\nf();";
    const within = probe((index) => text(index.callsWithin(index.calls[0]!.parent.parent!), source));
    expect(lint({ within }, source).within).toBe("dec(a()) | a() | m(b()) | b() | c() | d() | e()");
  });

  it("gives every rule of one run the whole index, whichever rule collects", () => {
    const together = lint({ all, gets, getsAndG });
    expect(together).toEqual({ ...lint({ all }), ...lint({ gets }), ...lint({ getsAndG }) });
  });

  it("keeps a rule's own listeners, its own CallExpression listener included", () => {
    const seen: string[] = [];
    const own = probe((index) => `${index.calls.length} calls, ${seen.length} seen`, {
      CallExpression: () => {
        seen.push("call");
      },
      NewExpression: () => {
        seen.push("new");
      },
    });
    expect(lint({ own }).own).toBe("9 calls, 10 seen");
  });

  it("collects anew when the same tree is linted again", () => {
    const linter = new Linter();
    lint({ all }, code, linter);
    const sourceCode = linter.getSourceCode();
    expect(lint({ all, gets }, sourceCode, linter)).toEqual({ all: lint({ all }).all, gets: lint({ gets }).gets });
  });

  it("gives the plugin's rules, linted together, the findings each has alone", () => {
    const source = `import { Pool } from "pg";
const pool = new Pool();
export async function handler(ids, res) {
  for (const id of ids) await pool.query("SELECT * FROM users WHERE id = $1", [id]);
  const client = await pool.connect();
  await client.query("SELECT 1");
  const body = fetch("/x").then((r) => r.json());
  return body;
}`;
    const rules = plugin.rules;
    const alone = Object.keys(rules).flatMap((name) => lintWith(rules, [name], source));
    const together = lintWith(rules, Object.keys(rules), source);
    expect(together.sort()).toEqual(alone.sort());
    expect(together.length).toBeGreaterThanOrEqual(2);
  });
});

describe("call index, name sets asked in every file", () => {
  // Sets of these cases alone: the index keeps, for the process, each set asked more than once.
  const READS = new Set(["get"]);
  const CALLS = new Set(["get", "set", "g"]);
  const reads = probe((index) => text(index.callsToMethods(READS), code));
  const calls = probe((index) => text(index.callsToMethodsOrFunctions(CALLS), code));
  const expected = { reads: "a.get(k) | b?.get(k) | (c as any).get(1) | d['get'](2)", calls: "a.get(k) | x.set(k, 1) | b?.get(k) | g() | (c as any).get(1) | d['get'](2) | get(4)" };

  it("answers the same in every file: asked once, kept, first kept after the calls were sorted, and sorted", () => {
    const linter = new Linter();
    // READS asked for the first time, then kept; CALLS asked for the first time once the file's
    // calls were sorted for READS, kept while they are, and sorted with them in the last file.
    const runs: Record<string, Rule.RuleModule>[] = [{ reads }, { reads }, { reads, calls }, { reads, calls }, { reads, calls }];
    const files = runs.map((rules) => lint(rules, code, linter));
    expect(files).toEqual([{ reads: expected.reads }, { reads: expected.reads }, expected, expected, expected]);
  });

  it("keeps a set from its second question on, and never one made afresh for each question", () => {
    const linter = new Linter();
    const before = countKeptNameSets();
    const fresh = probe((index) => text(index.callsToMethods(new Set(["get"])), code));
    for (let file = 0; file < 3; file++) expect(lint({ fresh }, code, linter)).toEqual({ fresh: expected.reads });
    expect(countKeptNameSets()).toBe(before);
    const WRITES = new Set(["set"]);
    const writes = probe((index) => text(index.callsToMethods(WRITES), code));
    for (let file = 0; file < 2; file++) expect(lint({ writes }, code, linter)).toEqual({ writes: "x.set(k, 1)" });
    expect(countKeptNameSets()).toBe(before + 1);
  });
});

function lintWith(rules: Record<string, Rule.RuleModule>, names: readonly string[], source: string): string[] {
  const config: Linter.Config[] = [{ languageOptions: { parser: tsParser }, plugins: { postmortem: { rules } }, rules: Object.fromEntries(names.map((name) => [`postmortem/${name}`, "error"])) }];
  return new Linter().verify(source, config).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
}
