// CommonJS: require, destructured require, module.exports and exports.x, a client per call in an
// exported handler, and a require inside a function.
"use strict";

const { Pool } = require("pg");
const Redis = require("ioredis");
const { z } = require("zod");

const shared = new Pool();

exports.handler = async function handler(event) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL }); // expect: postmortem/no-client-per-call
  const { rows } = await pool.query("SELECT * FROM t WHERE id = $1", [event.id]);
  return rows;
};

async function lazy(key) {
  const { createClient } = require("redis");
  const client = createClient(); // expect: postmortem/no-client-per-call
  await client.connect();
  return client.get(key);
}

const Event = z.object({ at: z.date().default(new Date()) }); // expect: postmortem/no-call-evaluated-default

module.exports = {
  lazy,
  Event,
  shared,
  redis: new Redis(),
  async each(ids) {
    return Promise.all(ids.map((id) => shared.query("SELECT * FROM t WHERE id = $1", [id]))); // expect: postmortem/no-query-in-loop
  },
};
module.exports.default = module.exports;
