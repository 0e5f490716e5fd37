// TypeScript CommonJS: `import x = require()`, `export =`, and a namespace-merged function.
import pg = require("pg");
import type Redis = require("ioredis");

function connect(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url });
}

namespace connect {
  export const pool = new pg.Pool();
  export async function once(sql: string): Promise<unknown[]> {
    const client = await pool.connect(); // expect: postmortem/no-leaked-connection
    const result = await client.query(sql);
    client.release();
    return result.rows;
  }
  export type Cache = Redis;
}

export = connect;
