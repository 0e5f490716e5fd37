// Optional chaining and optional calls around fetch, caches and pools.
import Redis from "ioredis";
import mysql from "mysql2/promise";

const redis = new Redis();
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });

export async function load(x) {
  return await fetch(x).then((r) => r?.json?.());
}

export async function body(url, options) {
  const res = await fetch?.(url, options?.init);
  return { data: res?.json() }; // expect: postmortem/no-unawaited-response-body
}

export async function cached(key, compute) {
  const hit = await redis?.get?.(key);
  if (hit?.length) return JSON.parse(hit);
  const value = await compute?.();
  await redis?.set?.(key, JSON.stringify(value ?? null), "EX", 60);
  return value;
}

export async function names(users) {
  const result = [];
  for (const user of users ?? []) {
    const [rows] = await pool?.query?.("SELECT name FROM users WHERE id = ?", [user?.id]); // expect: postmortem/no-query-in-loop
    result.push(rows?.[0]?.name);
  }
  return result;
}

export async function borrow(id) {
  const conn = await pool?.getConnection();
  try {
    return (await conn?.query("SELECT * FROM t WHERE id = ?", [id]))?.[0];
  } finally {
    conn?.release?.();
  }
}

export const deep = (o) => o?.a?.[0]?.b?.()?.c?.["d"]?.(...[1, 2]);
