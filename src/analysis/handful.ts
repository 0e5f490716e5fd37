import type { TSESTree } from "@typescript-eslint/utils";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import {
  AGGREGATE_LIMIT_STAGE,
  HANDFUL_SLICE_SIZE,
  RESULT_LIMIT_KEYS,
  RESULT_LIMIT_METHODS,
  RESULT_ROWS_PROPERTY,
  ROW_MULTIPLYING_STAGES,
  SQL_TRAILING_LIMIT,
} from "../knowledge/iteration.js";
import { getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { followConstant } from "./same-expression.js";

/**
 * Lists of at most a handful of elements (`HANDFUL_SLICE_SIZE`) whatever the data: a slice
 * written with numbers, and the rows of a query capped at a number the code writes. Ten round
 * trips do not grow with the data.
 */

/**
 * `.slice(0, 10)`, `.slice(-5)`, `.slice(2, 7)`, `.slice(-8, -2)`: at most `HANDFUL_SLICE_SIZE`
 * elements, whatever the list. Bounds of both signs (`.slice(0, -1)`) keep a number that depends
 * on the list's length.
 */
export function isHandfulSlice(file: FileContext, call: TSESTree.CallExpression): boolean {
  const [start, end, ...rest] = call.arguments.map((argument) => getStaticNumber(argument));
  if (start === undefined || rest.length > 0) return false;
  if (call.arguments.length === 1) return start < 0 && -start <= HANDFUL_SLICE_SIZE;
  if (end === undefined) return isHandfulCount(file, call.arguments[1]!, 0);
  return (start < 0) === (end < 0) && end - start <= HANDFUL_SLICE_SIZE;
}

/**
 * The rows of a query capped at a handful: `findMany({ take: 5 })` (inbox-zero's reply memory,
 * five logs per run), `.find().sort(…).limit(10)`, `.take(5).getMany()`, an aggregation whose
 * `$limit` no `$unwind` follows (Megagig's top ten senders), `pool.query("… LIMIT 10")` and the
 * `.rows` of its result. `node` is a call, a tagged template or a member read, without wrappers.
 */
export function isHandfulResult(file: FileContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const rows = !node.computed && getStaticPropertyName(node) === RESULT_ROWS_PROPERTY ? getResult(file, node.object) : undefined;
    return rows !== undefined && rows.type !== AST_NODE_TYPES.MemberExpression && isHandfulResult(file, rows);
  }
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return isLimitedSql(node.quasi);
  // The chain, outer call first: `Model.find(q).sort(s).limit(5)`, `repo.createQueryBuilder("u").take(5).getMany()`.
  for (let call: TSESTree.Node = node; call.type === AST_NODE_TYPES.CallExpression; ) {
    const first = call.arguments[0];
    if (first && (hasHandfulLimitKey(file, first) || isLimitedPipeline(file, first) || isLimitedSql(first))) return true;
    const callee = skipExpressionWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = getStaticPropertyName(callee);
    if (method !== undefined && RESULT_LIMIT_METHODS.includes(method) && call.arguments.length === 1 && first && isHandfulLimit(file, first)) return true;
    call = skipExpressionWrappers(callee.object);
  }
  return false;
}

/** The value `raw` holds: the awaited value, through a `const` it names (`result` of `const result = await pool.query(…)`). */
function getResult(file: FileContext, raw: TSESTree.Node): TSESTree.Node | undefined {
  const node = followConstant(file, raw);
  return node?.type === AST_NODE_TYPES.AwaitExpression ? skipExpressionWrappers(node.argument) : node;
}

/** `{ take: 5 }`, `{ where, limit: 10 }`: a key of the options themselves, not of a relation inside them. */
function hasHandfulLimitKey(file: FileContext, raw: TSESTree.Node): boolean {
  const options = skipExpressionWrappers(raw);
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && !property.computed && RESULT_LIMIT_KEYS.includes(getStaticPropertyName(property) ?? "") && isHandfulLimit(file, property.value),
  );
}

/** `[{ $match }, { $sort }, { $limit: 10 }]`, with no `$unwind` after the `$limit`. */
function isLimitedPipeline(file: FileContext, raw: TSESTree.Node): boolean {
  const pipeline = skipExpressionWrappers(raw);
  if (pipeline.type !== AST_NODE_TYPES.ArrayExpression) return false;
  // Each stage by its one operator; a spread or a stage built elsewhere is none.
  const stages = pipeline.elements.map((element) => {
    const stage = element?.type === AST_NODE_TYPES.ObjectExpression && element.properties.length === 1 ? element.properties[0] : undefined;
    return stage?.type === AST_NODE_TYPES.Property ? stage : undefined;
  });
  const limit = stages.findLastIndex((stage) => stage !== undefined && getStaticPropertyName(stage) === AGGREGATE_LIMIT_STAGE && isHandfulLimit(file, stage.value));
  return limit !== -1 && stages.slice(limit + 1).every((stage) => stage !== undefined && !ROW_MULTIPLYING_STAGES.includes(getStaticPropertyName(stage) ?? ""));
}

/** SQL whose outer statement ends with `LIMIT 10`: a string, or a template whose last part holds it. */
function isLimitedSql(raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  const text = node.type === AST_NODE_TYPES.Literal && typeof node.value === "string" ? node.value : node.type === AST_NODE_TYPES.TemplateLiteral ? node.quasis.at(-1)?.value.cooked : undefined;
  const limit = text === undefined || text === null ? null : SQL_TRAILING_LIMIT.exec(text);
  return limit !== null && Number(limit[1]) <= HANDFUL_SLICE_SIZE;
}

/** `5`, `-5` (Prisma's last five), `PAGE` of `const PAGE = 5`, `Math.min(limit, 10)`. */
function isHandfulLimit(file: FileContext, raw: TSESTree.Node): boolean {
  const value = getStaticNumber(raw);
  return value === undefined ? isHandfulCount(file, raw, 0) : Math.abs(value) <= HANDFUL_SLICE_SIZE;
}

/**
 * A count the code caps with a small number: `10 - existingImages` (car-rental-backend's image
 * upload, `files.slice(0, maxUpload)` with `const maxUpload = 10 - existingImages`, a count of
 * rows), `Math.min(5, limit)`, also through a `const`.
 */
function isHandfulCount(file: FileContext, raw: TSESTree.Node, depth: number): boolean {
  const node = skipExpressionWrappers(raw);
  const value = getStaticNumber(node);
  if (value !== undefined) return value <= HANDFUL_SLICE_SIZE;
  if (depth > 2) return false;
  switch (node.type) {
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === "-" && isHandfulCount(file, node.left, depth + 1);
    case AST_NODE_TYPES.CallExpression:
      return isMathMin(node.callee) && node.arguments.some((argument) => isHandfulCount(file, argument, depth + 1));
    case AST_NODE_TYPES.Identifier: {
      const init = followConstant(file, node);
      return init !== undefined && isHandfulCount(file, init, depth + 1);
    }
    default:
      return false;
  }
}

function isMathMin(raw: TSESTree.Node): boolean {
  const callee = skipExpressionWrappers(raw);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Math" && getStaticPropertyName(callee) === "min";
}

/** `10`, `-5`: a number written in the code. */
function getStaticNumber(node: TSESTree.Node): number | undefined {
  const inner = skipExpressionWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === "number" ? inner.value : undefined;
  if (inner.type !== AST_NODE_TYPES.UnaryExpression || inner.operator !== "-") return undefined;
  const value = getStaticNumber(inner.argument);
  return value === undefined ? undefined : -value;
}

