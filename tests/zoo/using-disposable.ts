// `using` and `await using` with types, and a pool client handed to a disposable.
import { Pool } from "pg";
import type { PoolClient } from "pg";

const pool = new Pool();

class Lease implements AsyncDisposable {
  constructor(readonly client: PoolClient) {}
  async [Symbol.asyncDispose](): Promise<void> {
    this.client.release();
  }
}

export async function withLease(id: string): Promise<unknown> {
  await using lease = new Lease(await pool.connect());
  const { rows } = await lease.client.query("SELECT * FROM t WHERE id = $1", [id]);
  return rows[0];
}

export async function leaky(id: string): Promise<unknown> {
  using _timer: Disposable = { [Symbol.dispose]: () => undefined };
  const client = await pool.connect(); // expect: postmortem/no-leaked-connection
  const { rows } = await client.query("SELECT * FROM t WHERE id = $1", [id]);
  client.release();
  return rows[0];
}
