// Labelled statements: nested loops with `continue outer` and `break inner`, a labelled block,
// and a labelled loop around a checkout.
import mongoose from "mongoose";
import { Pool } from "pg";

const User = mongoose.model("User", new mongoose.Schema({ name: String }));
const pool = new Pool();

export async function match(groups) {
  const found = [];
  outer: for (const group of groups) {
    inner: for (const member of group.members) {
      if (!member) continue outer;
      const user = await User.findById(member.id); // expect: postmortem/no-query-in-loop
      if (!user) break inner;
      found.push(user);
    }
  }
  return found;
}

export async function firstFree(ids) {
  search: {
    if (ids.length === 0) break search;
    const client = await pool.connect();
    try {
      loop: while (true) {
        const { rows } = await client.query("SELECT id FROM slots WHERE free LIMIT 1");
        if (rows.length === 0) continue loop;
        return rows[0].id;
      }
    } finally {
      client.release();
    }
  }
  return null;
}

export async function leakInLoop(jobs) {
  retry: for (let attempt = 0; attempt < 3; attempt++) {
    // Leaks through `continue retry`, which skips the release.
    const client = await pool.connect(); // expect: postmortem/no-leaked-connection
    for (const job of jobs) {
      if (job.skip) continue retry;
    }
    client.release();
  }
}
