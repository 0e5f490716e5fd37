#!/usr/bin/env node
// A file with nothing but comments: every rule must still run over it.
/* const pool = new Pool(); for (const id of ids) await pool.query("SELECT 1"); */
/**
 * @example
 * const cache = new Map(); cache.set(key, value);
 */
