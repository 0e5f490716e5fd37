// Explicit resource management: `using` and `await using`, in blocks, loops and functions.
import { Pool } from "pg";

const pool = new Pool();

function lease(client) {
  return { client, [Symbol.asyncDispose]: async () => client.release() };
}

export async function withLease(id) {
  await using handle = lease(await pool.connect());
  const { rows } = await handle.client.query("SELECT * FROM t WHERE id = $1", [id]);
  return rows[0];
}

export async function scan(ids) {
  for (const id of ids) {
    using timer = { [Symbol.dispose]() { console.timeEnd(String(id)); } };
    await pool.query("SELECT * FROM t WHERE id = $1", [id]); // expect: postmortem/no-query-in-loop
  }
  for await (using stream of []) void stream;
}

export function sync() {
  using a = { [Symbol.dispose]() {} }, b = { [Symbol.dispose]() {} };
  return [a, b].length;
}
