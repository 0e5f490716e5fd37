import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";

/** Syntax-only helpers shared by the analysis layer and the rules. */

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/** Strips `x!`, `x as T`, `<T>x`, `x satisfies T` and `a?.b` chain wrappers. */
export function skipExpressionWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** `node` with the TypeScript wrappers around it (`x!`, `x as T`, `x satisfies T`) and `?.` chains. */
export function getOutermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent &&
      (parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSTypeAssertion ||
        parent.type === AST_NODE_TYPES.ChainExpression) &&
      parent.expression === current
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}

/** The object at the start of a chain of member reads (`a` of `a.b?.c[d]`), unwrapped; the node itself when it reads no member. */
export function getMemberRoot(node: TSESTree.Node): TSESTree.Node {
  let current = skipExpressionWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipExpressionWrappers(current.object);
  return current;
}

/** `a.b.c` for a chain of plain member reads on an identifier or `this` (`this.a.b`), else undefined. */
export function getMemberPath(raw: TSESTree.Node): string | undefined {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return "this";
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = getMemberPath(node.object);
  return object === undefined ? undefined : `${object}.${node.property.name}`;
}

/** A class member no other module can reach: `#name`, or TypeScript's `private` or `protected`. */
export function isHiddenMember(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): boolean {
  return member.key.type === AST_NODE_TYPES.PrivateIdentifier || member.accessibility === "private" || member.accessibility === "protected";
}

/** The static name of `a.b`, `a["b"]` or `a[\`b\`]`; undefined for computed keys. */
export function getStaticPropertyName(node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  const computed = node.computed;
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === "string" || typeof key.value === "number")) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * A call, or a tagged template, which calls its tag with the template
 * (`` prisma.$queryRaw`SELECT … WHERE id = ${id}` ``): its one argument is the template, whose
 * values the tag receives apart.
 */
export type CallLike = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

/** What a call calls: the callee of a call, the tag of a tagged template (`new C()`'s `C`). */
export function getCallee(call: CallLike | TSESTree.NewExpression): TSESTree.Expression {
  return call.type === AST_NODE_TYPES.TaggedTemplateExpression ? call.tag : call.callee;
}

/** The arguments of a call; of a tagged template, its template. */
export function getCallArguments(call: CallLike): readonly TSESTree.CallExpressionArgument[] {
  return call.type === AST_NODE_TYPES.TaggedTemplateExpression ? [call.quasi] : call.arguments;
}

/** For `obj.method(...)` (or `` obj.method`…` ``): the method name; undefined for other callees. */
export function getCalledMethodName(call: CallLike | TSESTree.NewExpression): string | undefined {
  const callee = skipExpressionWrappers(getCallee(call));
  return callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
}

/** The name a call is made by: `f` of `f()`, `method` of `obj.method()`; undefined for other callees. */
export function getCalleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = skipExpressionWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : getCalledMethodName(call);
}

/**
 * The choices between `node` and `stop` (or the function holding it) one of whose arms holds it,
 * each with that arm; only one arm of each runs:
 * - a `?:` or an `if` (`useTx ? Model.findById(id).session(s) : Model.findById(id)`,
 *   `if (session) { … } else { … }`, each `if` of an `else if` chain), by the branch;
 * - an `if` with no `else` whose branch always leaves (`if (done) { await mark(log); continue; }`),
 *   before `node` in a block: the code after it runs only when the branch did not, so the block is
 *   its other arm (the reminder service of OsamaZerkawi's property management);
 * - a `try` and its `catch`, by the block or the handler: the handler runs when the block failed;
 *   not the `finally`, which runs after either.
 */
export function getEnclosingChoices(node: TSESTree.Node, stop: TSESTree.Node): readonly Choice[] {
  const choices: Choice[] = [];
  for (let child = node, parent = node.parent; parent && child !== stop && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if ((parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.IfStatement) && parent.test !== child) choices.push({ choice: parent, branch: child });
    else if (parent.type === AST_NODE_TYPES.TryStatement && child !== parent.finalizer) choices.push({ choice: parent, branch: child });
    else if (parent.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && statement.alternate === null && alwaysLeaves(statement.consequent)) choices.push({ choice: statement, branch: parent });
      }
    }
  }
  return choices;
}

/** A `?:`, an `if` or a `try`, and the arm of it that holds a node (for an `if` that leaves, also the block after it). */
export interface Choice {
  readonly choice: TSESTree.ConditionalExpression | TSESTree.IfStatement | TSESTree.TryStatement;
  readonly branch: TSESTree.Node;
}

/** For `obj.method(...)`: `obj`, unwrapped; undefined for other callees. */
export function getCallReceiver(call: CallLike | TSESTree.NewExpression): TSESTree.Expression | undefined {
  const callee = skipExpressionWrappers(getCallee(call));
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
}

/** A branch's one statement: the statement itself, or the only statement of its block (`{ throw e; }`). */
export function getSoleStatement(branch: TSESTree.Statement | null): TSESTree.Statement | null {
  if (branch?.type !== AST_NODE_TYPES.BlockStatement) return branch;
  return branch.body.length === 1 ? branch.body[0]! : null;
}

/** `return …` or `throw …`, alone or as the only statement of a block: a branch that leaves. */
export function isSoleExit(branch: TSESTree.Statement | null): boolean {
  const only = getSoleStatement(branch);
  return only?.type === AST_NODE_TYPES.ReturnStatement || only?.type === AST_NODE_TYPES.ThrowStatement;
}

type JumpStatement = TSESTree.ReturnStatement | TSESTree.ThrowStatement | TSESTree.ContinueStatement | TSESTree.BreakStatement;

/**
 * A statement that never falls through: `return`, `throw`, `continue`, `break`, a block ending in
 * one, an `if` whose both arms leave. `isExit` narrows which jumps count (a loop's own exits:
 * `return`, `throw`, not `continue`).
 */
export function alwaysLeaves(statement: TSESTree.Statement, isExit: (jump: JumpStatement) => boolean = () => true): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return isExit(statement);
    case AST_NODE_TYPES.BlockStatement: {
      const last = statement.body[statement.body.length - 1];
      return last !== undefined && alwaysLeaves(last, isExit);
    }
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && alwaysLeaves(statement.consequent, isExit) && alwaysLeaves(statement.alternate, isExit);
    default:
      return false;
  }
}

/** `(async () => …)()`: a function called where it is written, run at once. */
export function isCalledInPlace(fn: FunctionNode): boolean {
  return fn.parent?.type === AST_NODE_TYPES.CallExpression && fn.parent.callee === fn;
}

/** Whether `inner` lies within `outer` in the source (or is it). */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** `process.env.X`, `process.env[name]`: a read of the process's environment. */
export function isEnvironmentRead(node: TSESTree.MemberExpression): boolean {
  const object = skipExpressionWrappers(node.object);
  return object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.object.type === AST_NODE_TYPES.Identifier && object.object.name === "process" && getStaticPropertyName(object) === "env";
}

/** `null` or `undefined`, as written. */
export function isNullish(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === "undefined");
}

/** `false`, `0`, `""`, `null`: a literal that a test by truthiness reads as false. */
export function isFalsyLiteral(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && !node.value;
}

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * The variable of the plain parameter at `index` of `callback`, when it is an inline function
 * (`(value, key, map) => …` of `forEach`, `(client) => …` of `then`), else undefined.
 */
export function getCallbackParameter(scopeManager: TSESLint.Scope.ScopeManager | null, callback: TSESTree.Node | undefined, index: number): TSESLint.Scope.Variable | undefined {
  if (callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback?.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  const parameter = callback.params[index];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  return scopeManager?.getDeclaredVariables(callback).find((variable) => variable.name === parameter.name);
}

/** The name a function is called by: its own, its variable's, its method or property key. */
export function getPlainFunctionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition || parent.type === AST_NODE_TYPES.Property) {
    return getStaticPropertyName(parent);
  }
  return undefined;
}

/** `x.key = …`, `x.key ||= …`, `x.key++`, `delete x.key`: `member` is written, not read. */
export function isWrittenMember(member: TSESTree.Node): boolean {
  const parent = member.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === member;
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === "delete";
    default:
      return false;
  }
}

/** The innermost function containing `node`, or null at module level. */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/** The visitor keys of a node type the parser does not list. */
const NO_KEYS: readonly string[] = [];

/**
 * Calls `callback` on `root` and every node below it, except inside nested functions: the
 * function's own code. Walked by the parser's visitor keys, which allocates nothing per node.
 */
export function forEachOwnNode(visitorKeys: TSESLint.SourceCode.VisitorKeys, root: TSESTree.Node, callback: (node: TSESTree.Node) => void): void {
  const visit = (node: TSESTree.Node): void => {
    if (node !== root && isFunctionNode(node)) return;
    callback(node);
    const keys = visitorKeys[node.type] ?? NO_KEYS;
    for (let position = 0; position < keys.length; position++) {
      const value = (node as unknown as Record<string, unknown>)[keys[position]!];
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index];
          if (isNode(item)) visit(item);
        }
      } else if (isNode(value)) visit(value);
    }
  };
  visit(root);
}

/** The string value of a string literal or a template literal without expressions. */
export function getStaticString(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Whether `node` is `require("x")` with a static string; returns the specifier. */
export function getRequiredModule(node: TSESTree.Node): string | undefined {
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === "require" &&
    node.arguments.length === 1
  ) {
    return getStaticString(node.arguments[0]);
  }
  return undefined;
}

/** The innermost node whose range holds the text offset `index`: a descent, not a walk of the tree. */
export function getNodeAt(sourceCode: Readonly<TSESLint.SourceCode>, index: number): TSESTree.Node {
  const keys = sourceCode.visitorKeys;
  let node: TSESTree.Node = sourceCode.ast;
  descend: for (;;) {
    const nodeKeys = keys[node.type] ?? NO_KEYS;
    for (let position = 0; position < nodeKeys.length; position++) {
      const child: unknown = (node as unknown as Record<string, unknown>)[nodeKeys[position]!];
      if (Array.isArray(child)) {
        const item = findChildAt(child as unknown[], index);
        if (item) {
          node = item;
          continue descend;
        }
      } else if (isNode(child) && child.range[0] <= index && index < child.range[1]) {
        node = child;
        continue descend;
      }
    }
    return node;
  }
}

/**
 * The child of a list (in source order; `null` holes in array patterns) whose range holds
 * `index`: a binary search, since a module's body or a long object literal has thousands.
 */
function findChildAt(list: readonly unknown[], index: number): TSESTree.Node | undefined {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    let probe = middle;
    // Skip holes: search the nearest node at or after the middle, within bounds.
    while (probe <= high && !isNode(list[probe])) probe++;
    if (probe > high) {
      high = middle - 1;
      continue;
    }
    const item = list[probe] as TSESTree.Node;
    if (item.range[1] <= index) low = probe + 1;
    else if (item.range[0] > index) high = middle - 1;
    else return item;
  }
  return undefined;
}

/** Whether a child value of a node (under one of its visitor keys) is itself a node. */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/**
 * `node` runs whenever `target`, after it, does: no `if`, `?:`, `&&`/`||`, `case` or `catch` that
 * `target` is outside of lies between them. rht-hotel's helpers that take a client or get one
 * send `BEGIN` only on the one they got (`if (!client) { dbClient = await pool.connect(); await
 * dbClient.query("BEGIN"); }`): given the caller's client, each call is no unit of its own.
 */
export function runsWhenever(node: TSESTree.Node, target: TSESTree.Node): boolean {
  for (let current = node; current.parent && !contains(current.parent, target); current = current.parent) {
    const parent = current.parent;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && current !== parent.test) return false;
    if ((parent.type === AST_NODE_TYPES.LogicalExpression && current === parent.right) || parent.type === AST_NODE_TYPES.SwitchCase || parent.type === AST_NODE_TYPES.CatchClause) return false;
  }
  return true;
}

/** A loop statement. */
export type LoopNode =
  | TSESTree.ForOfStatement
  | TSESTree.ForInStatement
  | TSESTree.ForStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

export function isLoop(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}
