import type { TSESTree } from "@typescript-eslint/utils";
import type { CallLike } from "../src/analysis/ast.js";
import type { CallIndex } from "../src/analysis/call-index.js";
import type { DatabaseCall } from "../src/analysis/database-call.js";
import type { EnclosingIteration } from "../src/analysis/iteration.js";
import type { FileContext } from "../src/analysis/file-context.js";
import type { RuleContext } from "../src/create-rule.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { getCallArguments, getCallee, getCalledMethodName, getEnclosingChoices } from "../src/analysis/ast.js";
import { withCallIndex } from "../src/analysis/call-index.js";
import { asksTypesForDatabaseCalls, getDatabaseCall, isSqlText } from "../src/analysis/database-call.js";
import { followsApplicationCall, recordsExternalCall } from "../src/analysis/external-effect.js";
import { getFileContext } from "../src/analysis/file-context.js";
import { dependsOn, getCallbackIteration, getEnclosingIterations, isForOneElement, isInTransactionCallback, isOnEveryNthElement, isIssuedInSameTick, isPacedIteration, isTablePerElement } from "../src/analysis/iteration.js";
import { isForFixedKeys } from "../src/analysis/key-filter.js";
import { DATABASE_TRAIT, hasNameEvidence, importsLibraryWith } from "../src/analysis/library-evidence.js";
import { hasLocalDatabase } from "../src/analysis/local-database.js";
import { getDistinctKeyTest, isMemoizedInHelper, isMemoizedPerKey } from "../src/analysis/memoized-query.js";
import { describeCall, describeCollection, shortenSource } from "../src/analysis/message-text.js";
import { getArgumentsQueried, getLocalFunction, getLocalFunctionReferenceName, getNamesOfFunctionsHolding, getParameterQueries, isCandidate } from "../src/analysis/local-function.js";
import { getObjectFallbackValue } from "../src/analysis/object-fallback.js";
import {
  getBatchedForm,
  getChainStart,
  getParameterScope,
  getQueryParameters,
  getStatementArgument,
  getTableArguments,
  isBatchedQuery,
  isCatalogQuery,
  isHandedToBatch,
  isLibraryKnown,
  isLockStatement,
  isPerRowUpdate,
  isWriteQuery,
  picksDatabasePerElement,
  runsMigrationList,
  runsStatementList,
  sendsElementAsStatement,
} from "../src/analysis/query-shape.js";
import { isOneOffScriptFile, isTestFile, runsOncePerProcess } from "../src/analysis/run-once.js";
import { handsOpenedTransaction, isInOpenedTransaction } from "../src/analysis/transaction.js";
import { getLibraryName } from "../src/analysis/value-kind.js";
import { createRule } from "../src/create-rule.js";

export type Options = [{ writes: boolean }];
export type MessageIds = "queryInLoop" | "writeInLoop" | "queryInLoopViaCall";

export default createRule<Options, MessageIds>({
  name: "no-query-in-loop",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a database query per element of a collection (N+1), in loops and in `map`/`forEach` callbacks",
      recommended: "recommended",
    },
    messages: {
      queryInLoop:
        "`{{call}}` ({{library}}) sends one query per element of `{{collection}}` (N+1): each element adds a round trip and holds a pool connection, so latency grows with the list and requests queue on the pool. Fetch them with {{batched}}, then join the rows in memory.",
      writeInLoop:
        "`{{call}}` ({{library}}) sends one write per element of `{{collection}}` (N+1): each element adds a round trip and holds a pool connection, so the time grows with the list. Write them with {{batched}}.",
      queryInLoopViaCall:
        "`{{callee}}` sends a {{library}} `{{call}}` (line {{line}}) for each element of `{{collection}}` (N+1): each element adds a round trip and holds a pool connection. Pass it the whole list and use {{batched}}.",
    },
    schema: [
      {
        type: "object",
        properties: {
          writes: {
            type: "boolean",
            description: "Also report writes (insert, update, delete) sent once per element. Default: true.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ writes: true }],
  },
  create(context, [options]) {
    // A test that checks rows one by one, or a migration that rewrites them, is not a request path: no latency to lose.
    if (isTestFile(context) || isOneOffScriptFile(context)) return {};
    // Calls are judged at the end, and only in a file where some call can reach a database: an
    // import of a database library, or else a call only a database library has (`findByPk`, SQL text).
    return withCallIndex(context, (index) => {
      const file = getFileContext(context);
      if (importsLibraryWith(file, DATABASE_TRAIT) || hasNameEvidence(file, index, DATABASE_TRAIT)) judgeCalls(context, file, options, index);
    });
  },
});

type Context = RuleContext<MessageIds, Options>;

/** Every call of a file that can reach a database: queries in loops, directly or through a local function. */
function judgeCalls(context: Context, file: FileContext, options: Options[0], index: CallIndex): void {
  const sourceCode = context.sourceCode;
  const typed = asksTypesForDatabaseCalls(file);

  /** One unit of work per run of `around`: a transaction opened per run (a callback `$transaction`, a raw `BEGIN`), or a write recording an awaited call to another service. */
  const isUnitOfWork = (call: DatabaseCall, around: TSESTree.Node): boolean =>
    isInTransactionCallback(call.node, around) ||
    isInOpenedTransaction(file, call, index, around) ||
    (isWriteQuery(file, call) && recordsExternalCall(file, index, call.node, around)) ||
    (call.kind.knowledge.role === "document" && followsApplicationCall(file, index, call.node, around, (other) => getDatabaseCall(context, other) !== null));
  /** The query counts, batched forms excluded and writes only when the option says so. */
  const isReportable = (call: DatabaseCall): boolean => (options.writes || !isWriteQuery(file, call)) && !isBatchedQuery(file, call) && !isLockStatement(file, call) && !isCatalogQuery(file, call);

  /**
   * The innermost iteration over a real collection whose current element flows into `values`.
   * An iteration that runs once per process (a migration script's `main()`, start-up code) is
   * no request path: no latency to lose.
   */
  const findIteration = (node: TSESTree.Node, entries: readonly EnclosingIteration[], values: readonly TSESTree.Node[], tables: readonly TSESTree.Node[] = []): EnclosingIteration | undefined =>
    entries.find(
      ({ iteration }) =>
        !iteration.fixed &&
        !iteration.chunked &&
        !isHandedToBatch(file, iteration) &&
        values.some((value) => dependsOn(file, value, iteration)) &&
        !tables.some((table) => dependsOn(file, table, iteration)) &&
        !runsOncePerProcess(context, iteration.node) &&
        !isForOneElement(file, iteration, node) &&
        !isOnEveryNthElement(file, iteration, node) &&
        !isForFixedKeys(file, iteration, node) &&
        // Last: a walk of the whole body, for an iteration already known to carry the element.
        !isPacedIteration(file, iteration),
    );

  /** The message data; `perRow`: a write that gives each row values of its own (an `updateMany` cannot). */
  const describe = (call: DatabaseCall, collection: TSESTree.Node, perRow = false): Record<string, string> => ({
    call: describeCall(sourceCode, call.node, call.method),
    library: call.evidence === "sql" ? "SQL" : isLibraryKnown(file, call) ? getLibraryName(call.kind) : "database",
    collection: describeCollection(sourceCode, collection),
    batched: getBatchedForm(file, call, perRow),
  });

  const reportedChoices = new Map<string, TSESTree.Node>();
  /** Whether `same` (a call's text) was reported in another arm of a choice around `node` in `body`, an arm that runs instead. */
  const isAnotherArmReported = (node: TSESTree.Node, body: TSESTree.Node, same: string): boolean => {
    const choices = getEnclosingChoices(node, body).map(({ choice, branch }) => ({ key: `${choice.range[0]}:${choice.type === AST_NODE_TYPES.ConditionalExpression ? "" : same}`, branch }));
    if (choices.some(({ key, branch }) => (reportedChoices.get(key) ?? branch) !== branch)) return true;
    for (const { key, branch } of choices) reportedChoices.set(key, branch);
    return false;
  };
  /** `db.query(…, [hit._id])` inside the iteration. */
  const checkDirect = (node: CallLike): void => {
    const entries = getEnclosingIterations(file, node);
    if (entries.length === 0) return;
    // The query's values lie inside the call: with types, test that the call depends on an
    // element at all before the type questions that tell a database call.
    if (typed && !entries.some(({ iteration }) => !iteration.fixed && !iteration.chunked && dependsOn(file, node, iteration))) return;
    const call = getDatabaseCall(context, node);
    if (!call || !isReportable(call)) return;
    // A loop over entities or tables (`getRepository(ctx, field.entity)`) sends another statement per element.
    const entry = findIteration(node, entries, getQueryParameters(file, call), getTableArguments(file, call));
    if (!entry || (call.batchedInSameTick && isIssuedInSameTick(file, entry, node)) || isUnitOfWork(call, entry.iteration.body)) return;
    if (hasLocalDatabase(context) || picksDatabasePerElement(file, entry.iteration, call)) return;
    if (isMemoizedPerKey(file, node, entry.iteration.body, undefined, getDistinctKeyTest(entry.iteration))) return;
    // `if (typeof a.clientId === "object") client = a.clientId; else client = await Client.findById(a.clientId)`: only for an element not populated.
    const fallback = getObjectFallbackValue(node, entry.iteration.body, !isWriteQuery(file, call));
    if (fallback && dependsOn(file, fallback, entry.iteration)) return;
    // Another SQL call, by the same method of the same client as the query (`client.query(migrations[v])`) or known as SQL.
    const isSqlCall = (other: TSESTree.CallExpression): boolean =>
      other !== node && (sourceCode.getText(other.callee) === sourceCode.getText(getCallee(node)) || getDatabaseCall(context, other)?.op === "sql");
    if (call.op === "sql" && (sendsElementAsStatement(file, entry.iteration, node) || runsStatementList(file, entry.iteration, index.callsWithin(entry.iteration.body), isSqlCall))) return;
    if (runsMigrationList(file, entry.iteration, index.callsWithin(entry.iteration.body), node)) return;
    const data = describe(call, entry.iteration.collection, isPerRowUpdate(file, call, entry.iteration));
    // `useTx ? find(id).session(s) : find(id)`, or the same call in each arm of an `if`, of an `if` that leaves and the code after it,
    // or of a `try` and its `catch`: one query per element, whichever arm runs.
    // The same call: its receiver and method, and the table or statement it is given (`db("staff")`, `pool.query("UPDATE …")`).
    const start = getChainStart(node);
    const callee = getCallee(start);
    const named = getStatementArgument(call) ?? (callee.type !== AST_NODE_TYPES.MemberExpression ? (getCallArguments(start)[0] ?? start) : callee);
    if (isAnotherArmReported(node, entry.iteration.body, `${sourceCode.getText(callee)}:${sourceCode.getText(named)}:${call.method}`)) return;
    context.report({ node, messageId: isWriteQuery(file, call) ? "writeInLoop" : "queryInLoop", data });
  };

  /** `enrich(hit)` inside the iteration, where `enrich` is a function of this file that queries. */
  const checkLocalCall = (node: TSESTree.CallExpression, index: CallIndex): void => {
    const entries = getEnclosingIterations(file, node);
    if (entries.length === 0) return;
    const fn = getLocalFunction(context, node.callee);
    if (!fn || (node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1])) return;
    for (const query of getParameterQueries(context, fn, index)) {
      if (!isReportable(query.call) || isUnitOfWork(query.call, fn)) continue;
      const entry = findIteration(node, entries, getArgumentsQueried(node, query));
      if (!entry || isInTransactionCallback(node, entry.iteration.body) || handsOpenedTransaction(file, node, index, entry.iteration.body)) continue;
      if (isMemoizedInHelper(file, query.call.node, fn, node, entry.iteration.body)) continue;
      if (isWriteQuery(file, query.call) && recordsExternalCall(file, index, node, entry.iteration.body)) continue;
      // mempool's `$atomicQuery(queries)` (`this.query(query.query, query.params)`), typeorm's
      // `loadTableRecords(tablePath)` per attached database: each element picks its own statement.
      // A row that also names its table (huly's `findDoc(ctx, client, tx.objectClass, tx.objectId)`) is still one query per row.
      const picksStatement = (position: number): boolean => node.arguments[position] !== undefined && dependsOn(file, node.arguments[position], entry.iteration);
      if (query.statements.some(picksStatement) || query.tables.some((position) => isTablePerElement(file, entry.iteration, node.arguments[position]))) continue;
      if (query.call.batchedInSameTick && query.beforeFirstAwait && isIssuedInSameTick(file, entry, node)) continue;
      // qodari-lending's voucher run: `insertVoucherItem(…)` with a status of its own in each arm, one of them per element;
      // the same helper given another statement (`query("INSERT …")`, `query("UPDATE …")`) is another statement to batch.
      const statements = node.arguments.filter((argument, position) => query.statements.includes(position) || isSqlText(argument));
      const same = [node.callee, ...statements].map((part) => sourceCode.getText(part)).join(":");
      if (!isAnotherArmReported(node, entry.iteration.body, same)) reportViaCall(node.callee, query.call, entry.iteration.collection, isPerRowUpdate(file, query.call, getParameterScope(file, fn, node, entry.iteration)));
      return;
    }
  };

  /** `hits.map(enrich)`, `pMap(ids, this.load)`: a function of this file as the callback. */
  const checkCallbackReference = (node: TSESTree.CallExpression, isQueryFunction: (node: TSESTree.Node) => boolean, index: CallIndex): void => {
    for (const argument of node.arguments) {
      if (!isQueryFunction(argument)) continue;
      const how = getCallbackIteration(file, node, argument);
      if (!how || how.fixed || how.chunked) continue;
      const fn = getLocalFunction(context, argument);
      if (!fn) continue;
      for (const query of getParameterQueries(context, fn, index)) {
        if (!query.parameters.includes(how.itemParam) || !isReportable(query.call) || isUnitOfWork(query.call, fn)) continue;
        if (query.call.batchedInSameTick && query.beforeFirstAwait && how.sameTick) continue;
        if (runsOncePerProcess(context, node)) return;
        reportViaCall(argument, query.call, how.collection);
        return;
      }
    }
  };

  const reportViaCall = (callee: TSESTree.Node, call: DatabaseCall, collection: TSESTree.Node, perRow = false): void => {
    // A browser, a web view or an embedded database (SQLite, IndexedDB): no round trip, no pool.
    if (hasLocalDatabase(context)) return;
    const data = { ...describe(call, collection, perRow), callee: shortenSource(sourceCode.getText(callee)), line: String(call.node.loc.start.line) };
    context.report({ node: callee, messageId: "queryInLoopViaCall", data });
  };

  const candidates: CallLike[] = [...index.calls.filter(isCandidate), ...index.taggedMethodCalls.filter(isCandidate)];
  for (const node of candidates) checkDirect(node);
  // A call of a local function that queries names a function holding a candidate call.
  const names = getNamesOfFunctionsHolding(candidates);
  if (names.size === 0) return;
  const isQueryFunction = (node: TSESTree.Node): boolean => {
    const name = getLocalFunctionReferenceName(node);
    return name !== undefined && names.has(name);
  };
  for (const node of index.calls) {
    if (isQueryFunction(node.callee)) checkLocalCall(node, index);
    if (node.arguments.some(isQueryFunction) && (getCalledMethodName(node) !== undefined || node.arguments.length >= 2)) {
      checkCallbackReference(node, isQueryFunction, index);
    }
  }
}
