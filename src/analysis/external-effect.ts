import type { TSESTree } from "@typescript-eslint/utils";
import type { CallLike } from "./ast.js";
import type { CallIndex } from "./call-index.js";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES, TSESLint } from "@typescript-eslint/utils";

import { EXTERNAL_SERVICE_GLOBALS, EXTERNAL_SERVICE_MODULE_NAMES, EXTERNAL_SERVICE_PACKAGES, SERVICE_MODULE_SUFFIX } from "../knowledge/batching.js";
import { alwaysLeaves, contains, getOutermostWrapper, getStaticPropertyName, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { getThisMemberSources, getVariableAnnotation } from "./class-members.js";
import { getBarePackageName, getImportPath, getTypeImportPath } from "./import-path.js";
import { getLocalCallee } from "./local-calls.js";
import { followConstant, resolveVariable } from "./same-expression.js";

/**
 * Whether `write`, run once per run of `body`, follows an awaited call to another service in the
 * same run (`await stripe.refunds.create(…)`, `await fetch(url)`, `await transporter.sendMail(…)`,
 * then `prisma.refund.update({ where: { id: row.id }, data: { status: "REFUNDED" } })`): the write
 * records the effect for the element, and has to be made before the next element's (see
 * `EXTERNAL_SERVICE_PACKAGES`). The call is found in the file's call index, not by a walk: before
 * the write or in its arguments, awaited, not in a `catch` or in a function nested in `body`.
 */
export function recordsExternalCall(file: FileContext, index: CallIndex, write: CallLike, body: TSESTree.Node): boolean {
  for (const call of index.callsWithin(body)) {
    if (call.range[0] >= write.range[1]) break;
    if (call === write || (call.range[1] > write.range[0] && call.range[0] < write.range[0])) continue;
    if (getOutermostWrapper(call).parent?.type === AST_NODE_TYPES.AwaitExpression && isRunOfBody(call, body) && isExternalServiceCall(file, call)) return true;
  }
  return false;
}

/**
 * Whether a document's own write (`followUp.save()`), run once per run of `body`, follows an
 * awaited call into the application's code that is no database call: a method of the class
 * (`await this.scheduleNotification(…)`), of a collaborator it keeps (`this.notifier.send(…)`), a
 * function of the file or of a module of the application. Megagig's follow-up jobs send a reminder
 * through helpers two or three calls deep (`sendEmail` of its `utils/email`), then save the
 * document with the reminder marked sent: the write may record an effect the rule cannot see.
 */
export function followsApplicationCall(
  file: FileContext,
  index: CallIndex,
  write: CallLike,
  body: TSESTree.Node,
  isDatabaseCall: (call: TSESTree.CallExpression) => boolean,
): boolean {
  for (const call of index.callsWithin(body)) {
    if (call.range[0] >= write.range[0]) break;
    if (call.range[1] > write.range[0] || getOutermostWrapper(call).parent?.type !== AST_NODE_TYPES.AwaitExpression || !isRunOfBody(call, body)) continue;
    if (isApplicationCall(file, call) && !isInBranchThatLeaves(call, write, body) && !isDatabaseCall(call)) return true;
  }
  return false;
}

/** `if (product.excludeFromStock) { await createNoStockRecord(item); continue; }`: a block that never reaches the write. */
function isInBranchThatLeaves(call: TSESTree.Node, write: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let node = call.parent; node && node !== body; node = node.parent) {
    if (node.type === AST_NODE_TYPES.BlockStatement && !contains(node, write) && alwaysLeaves(node)) return true;
  }
  return false;
}

function isApplicationCall(file: FileContext, call: TSESTree.CallExpression): boolean {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipExpressionWrappers(callee.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) return true;
    if (object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.ThisExpression) return true;
  }
  const origin = getImportPath(file, callee);
  if (origin) return typeof origin.module === "string" && APP_MODULE.test(origin.module);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const def = resolveVariable(file, callee)?.defs[0];
  return def?.type === TSESLint.Scope.DefinitionType.FunctionName || (def?.type === TSESLint.Scope.DefinitionType.Variable && isFunctionNode(def.node.init));
}

/** No `catch` (a call made only on failure) and no function of its own between `call` and `body`. */
function isRunOfBody(call: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let node = call.parent; node && node !== body; node = node.parent) {
    if (node.type === AST_NODE_TYPES.CatchClause || isFunctionNode(node)) return false;
  }
  return true;
}

/**
 * `fetch(…)`, `stripe.refunds.create(…)` of `const stripe = new Stripe(key)`, or a client a class
 * keeps or a parameter is typed as: `this.openai.chat.completions.create(…)` with
 * `private openai = new OpenAI()` or `private readonly mailer: Transporter` of nodemailer.
 */
function isExternalServiceCall(file: FileContext, call: TSESTree.CallExpression): boolean {
  const callee = skipExpressionWrappers(call.callee);
  const origin = getImportPath(file, callee);
  if (origin?.module === null) return origin.path.length === 1 && EXTERNAL_SERVICE_GLOBALS.includes(origin.path[0]!);
  if (origin) return isExternalModule(origin.module);
  let root: TSESTree.Node = callee;
  while (root.type === AST_NODE_TYPES.MemberExpression && root.object.type !== AST_NODE_TYPES.ThisExpression) root = skipExpressionWrappers(root.object);
  if (root.type === AST_NODE_TYPES.Identifier) return isExternalType(file, getVariableAnnotation(file, root)) || isMadeByExternalGetter(file, root);
  const name = root.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(root) : undefined;
  if (name === undefined) return false;
  return getThisMemberSources(file, root, name).some((source) =>
    source.kind === "annotation" ? isExternalType(file, source.node) : isExternalModule(getImportPath(file, source.node)?.module),
  );
}

/**
 * `const stripe = this.getStripe()`, where the class's `getStripe(): Stripe` makes the client on
 * first use (TicketToken's Stripe Connect transfers): a function of the file declared to return a
 * client of another service.
 */
function isMadeByExternalGetter(file: FileContext, name: TSESTree.Identifier): boolean {
  const init = followConstant(file, name);
  const call = init?.type === AST_NODE_TYPES.AwaitExpression ? skipExpressionWrappers(init.argument) : init;
  const getter = call?.type === AST_NODE_TYPES.CallExpression ? getLocalCallee(file, call) : null;
  return getter !== null && isExternalType(file, getter.returnType?.typeAnnotation);
}

function isExternalModule(module: string | null | undefined): boolean {
  if (typeof module !== "string") return false;
  return APP_MODULE.test(module) ? EXTERNAL_SERVICE_MODULE_NAMES.has(getWrapperName(module)) : EXTERNAL_SERVICE_PACKAGES.has(getBarePackageName(module));
}

/** A module of the application: relative, or through a path alias (`@/lib/resend`, `~/lib/s3`, `#lib/stripe`, `src/lib/openai`). */
const APP_MODULE = /^(?:\.{1,2}\/|[@~]\/|#|src\/)/u;

/** `resend` of `@/lib/resend`, `stripe` of `../services/stripe.service.js` or `./stripe/index`. */
function getWrapperName(module: string): string {
  const segments = module.replace(/\.[cm]?[jt]sx?$/u, "").replace(/\/index$/u, "").split("/");
  return (segments.at(-1) ?? "").toLowerCase().replace(SERVICE_MODULE_SUFFIX, "");
}

/** `Stripe`, `nodemailer.Transporter`: a type imported from a package of another service. */
function isExternalType(file: FileContext, type: TSESTree.TypeNode | undefined): boolean {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  let name: TSESTree.EntityName = type.typeName;
  while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
  return name.type === AST_NODE_TYPES.Identifier && isExternalModule(getTypeImportPath(file, name)?.module);
}
