// Destructuring with defaults that call things: parameters, nested patterns, array holes, rest
// elements, and defaults that read or create clients.
import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool();

export function event({ id = randomUUID(), at = new Date(), tags: [first = "none", , ...others] = [] } = {}) {
  return { id, at, first, others };
}

// A default parameter is a fallback the caller can replace: not reported.
export async function handler(req, db = new Pool()) {
  const { rows: [row = null] = [] } = await db.query("SELECT * FROM t WHERE id = $1", [req.id]);
  return row;
}

export async function many(items) {
  const out = [];
  for (const { id, meta: { owner = "nobody" } = {} } of items) {
    const { rows: [row] } = await pool.query("SELECT * FROM t WHERE id = $1 AND owner = $2", [id, owner]); // expect: postmortem/no-query-in-loop
    out.push(row);
  }
  return out;
}

export async function body(url) {
  const [response = await fetch(url)] = [];
  const { data = response.json() } = {};
  return data;
}

export const Schema = z.object({
  id: z.string().default(randomUUID()), // expect: postmortem/no-call-evaluated-default
  at: z.date().default(() => new Date()),
});

export let { a = pool.totalCount, ...rest } = { b: 1 };
[a, ...rest] = [1, 2];
({ a = 2 } = {});
