// ES module with top-level await: a checkout at module level, a query per element at module
// level (a script's loop, run once per process: not reported), dynamic import, import.meta, and
// `for await` at the top.
import { Pool } from "pg";

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const { default: Redis } = await import("ioredis");
const redis = new Redis();

const client = await pool.connect();
try {
  await client.query("SELECT 1");
} finally {
  client.release();
}

const config = await (await fetch(new URL("./config.json", import.meta.url))).json();

const ids = process.argv.slice(2);
for (const id of ids) {
  await pool.query("DELETE FROM sessions WHERE user_id = $1", [id]);
}

for await (const chunk of process.stdin) await redis.set(`chunk:${chunk.length}`, String(chunk));

const settings = await fetch("/settings").then((r) => r.json());

export { config, settings };
await pool.end();
