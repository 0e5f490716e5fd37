import type { TSESTree } from "@typescript-eslint/utils";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { ENTITY_ID_PROPERTIES } from "../knowledge/orm.js";
import { alwaysLeaves, getMemberPath, getStaticPropertyName, isFunctionNode, skipExpressionWrappers } from "./ast.js";

/**
 * The value a query between `node` and `stop` (or the function holding it) is the fallback of:
 * code that uses a value when it is already an object, an entity or a populated reference, and
 * queries only when it is an id. The query runs in the branch where the value is no object, and
 * the other branch takes the value itself:
 * - `typeof src === "object" ? src : await repo.findOneByOrFail({ id: src })` (misskey's entity services),
 *   or `loanOrId && loanOrId._id ? loanOrId : await Loan.findById(loanOrId)`, the entity known by its id;
 * - `if (typeof a.clientId === "object") client = a.clientId; else client = await Client.findById(a.clientId);`,
 *   also with the value tested for presence first (`a.clientId && typeof a.clientId === "object"`) or
 *   a property of it after (`typeof a.serviceId === "object" && a.serviceId.name`, EaseMySalon's `server.js`);
 * - `if (… typeof a.clientId === "object") return a.clientId;` before the query (EaseMySalon's
 *   `resolveAppointmentClient`, given appointments loaded with `.populate("clientId")`).
 * Undefined when the query runs whatever the value is. `read`: the query reads (the test of an id
 * tells an entity from its id only then).
 */
export function getObjectFallbackValue(node: TSESTree.Node, stop: TSESTree.Node, read: boolean): TSESTree.Expression | undefined {
  for (let child = node, parent = node.parent; parent && child !== stop && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if ((parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.IfStatement) && parent.test !== child) {
      const test = getObjectTest(parent.test, read);
      if (!test) continue;
      const objectBranch = test.equal ? parent.consequent : parent.alternate;
      if (objectBranch && objectBranch !== child && takesValue(objectBranch, test.value)) return test.value;
    } else if (parent.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate !== null || !alwaysLeaves(statement.consequent)) continue;
        const test = getObjectTest(statement.test, read);
        if (test?.equal && takesValue(statement.consequent, test.value)) return test.value;
      }
    }
  }
  return undefined;
}

/**
 * `typeof x === "object"` (`equal`) or `!== "object"`, also after a test of `x` itself: `x && typeof x === "object"`;
 * or a test of the entity's id on it (`x && x._id`, `x?.id`, `!x._id`): Pydah li-hrms's loan service
 * takes `loanOrId && loanOrId._id ? loanOrId : await Loan.findById(loanOrId)`.
 */
function getObjectTest(node: TSESTree.Expression, read: boolean): { value: TSESTree.Expression; equal: boolean } | undefined {
  const test = skipExpressionWrappers(node);
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === "&&") {
    // `x && typeof x === "object"`, `typeof x === "object" && x.name`: the other side tests the value too.
    const right = getObjectTest(test.right, read);
    if (right?.equal && isOfValue(test.left, right.value)) return right;
    const left = getObjectTest(test.left, read);
    return left?.equal && isOfValue(test.right, left.value) ? left : undefined;
  }
  // `!src._id`: the same test, the other way round.
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === "!") {
    const inner = getObjectTest(test.argument, read);
    return inner ? { value: inner.value, equal: !inner.equal } : undefined;
  }
  // `loanOrId._id`, `src?.id`: an entity has its id as a property, an id has none. Only for a
  // read: `item.id ? item : await Item.create(item)` writes each new object, no id it was given.
  if (read && test.type === AST_NODE_TYPES.MemberExpression && !test.computed && ENTITY_ID_PROPERTIES.includes(getStaticPropertyName(test) ?? "")) {
    const operand = skipExpressionWrappers(test.object);
    return operand.type === AST_NODE_TYPES.Identifier || operand.type === AST_NODE_TYPES.MemberExpression ? { value: operand, equal: true } : undefined;
  }
  if (test.type !== AST_NODE_TYPES.BinaryExpression || test.left.type !== AST_NODE_TYPES.UnaryExpression || test.left.operator !== "typeof") return undefined;
  if (test.right.type !== AST_NODE_TYPES.Literal || test.right.value !== "object") return undefined;
  const operand = skipExpressionWrappers(test.left.argument);
  if (operand.type !== AST_NODE_TYPES.Identifier && operand.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (test.operator === "===" || test.operator === "==") return { value: operand, equal: true };
  return test.operator === "!==" || test.operator === "!=" ? { value: operand, equal: false } : undefined;
}

/**
 * The branch for an object uses the value: `src` of a `?:`, or a statement of the branch that
 * returns or assigns it or a property of it (`return src`, `client = a.clientId`,
 * `serviceName = a.serviceId.name`).
 */
function takesValue(branch: TSESTree.Node, value: TSESTree.Expression): boolean {
  if (getMemberPath(value) === undefined) return false;
  if (branch.type !== AST_NODE_TYPES.BlockStatement && branch.type !== AST_NODE_TYPES.ReturnStatement && branch.type !== AST_NODE_TYPES.ExpressionStatement) return getMemberPath(branch) === getMemberPath(value);
  const statements = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
  return statements.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ReturnStatement) return statement.argument !== null && isOfValue(statement.argument, value);
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
    return expression?.type === AST_NODE_TYPES.AssignmentExpression && isOfValue(expression.right, value);
  });
}

/** `node` is the value or a property of it (`a.clientId`, `a.clientId.name`). */
function isOfValue(node: TSESTree.Node, value: TSESTree.Expression): boolean {
  const text = getMemberPath(node);
  const wanted = getMemberPath(value);
  return text !== undefined && wanted !== undefined && (text === wanted || text.startsWith(`${wanted}.`));
}
