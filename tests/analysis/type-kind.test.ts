import type { TSESTree } from "@typescript-eslint/utils";

import { RuleTester } from "@typescript-eslint/rule-tester";
import { AST_NODE_TYPES, ESLintUtils } from "@typescript-eslint/utils";
import path from "node:path";

import { getFileContext } from "../../src/analysis/file-context.js";
import { getKindFromType } from "../../src/analysis/type-kind.js";
import { FIXTURES_DIR } from "../rule-tester.js";

/**
 * Kinds read from the type checker alone (the rule tester's cases run untyped too, where these
 * are all unknown). Two answers skip the checker's inference: a variable made by `new` of a
 * class is that class, and a call of a function with a declared return type (not generic, not
 * overloaded) has that type. Each shortcut has neighbours where it must not apply.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs<[], "kind">({
  meta: { type: "problem", messages: { kind: "{{kind}}" }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const argument = node.arguments[0];
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== "probe" || !argument) return;
        const kind = getKindFromType(getFileContext(context), argument);
        context.report({ node: argument, messageId: "kind", data: { kind: kind ? `${kind.id}${kind.promise ? " (promise)" : ""}` : "unknown" } });
      },
    };
  },
});

const tester = new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: FIXTURES_DIR } } });
const filename = path.join(FIXTURES_DIR, "file.ts");
const head = 'import { Pool } from "pg";\nimport * as pg from "pg";\ndeclare function probe(value: unknown): void;\n';

function kindCase(code: string, kind: string) {
  return { code: `${head}${code}`, filename, errors: [{ messageId: "kind" as const, data: { kind } }] };
}

tester.run("analysis: kinds from types", probe, {
  valid: [],
  invalid: [
    // `new` of a library class, of a local class, and of a constructor that is not a class.
    kindCase('const pool = new Pool({ connectionString: "postgres://" });\nprobe(pool);', "pg.pool"),
    kindCase("class Local {}\nconst local = new Local();\nprobe(local);", "unknown"),
    kindCase("const Ctor = pg.Pool;\nconst viaValue = new Ctor();\nprobe(viaValue);", "pg.pool"),
    kindCase("const annotated: Pool | undefined = new Pool();\nprobe(annotated);", "pg.pool"),
    // A declared return type, and where it is not the call's type.
    kindCase("function makePool(): Pool { return new Pool(); }\nprobe(makePool());", "pg.pool"),
    kindCase("function makeLater(): Promise<Pool> { return Promise.resolve(new Pool()); }\nprobe(makeLater());", "pg.pool (promise)"),
    kindCase("function identity<T>(value: T): T { return value; }\nprobe(identity(new Pool()));", "pg.pool"),
    kindCase("class Box<T> { constructor(private value: T) {}\n  get(): T { return this.value; } }\nprobe(new Box(new Pool()).get());", "pg.pool"),
    kindCase("function make(kind: string): Pool;\nfunction make(kind: number): string;\nfunction make(kind: unknown): unknown { return kind; }\nprobe(make(1));", "unknown"),
    kindCase("function make(kind: string): Pool;\nfunction make(kind: number): string;\nfunction make(kind: unknown): unknown { return kind; }\nprobe(make(\"a\"));", "pg.pool"),
    kindCase("function inferred() { return new Pool(); }\nprobe(inferred());", "pg.pool"),
  ],
});
