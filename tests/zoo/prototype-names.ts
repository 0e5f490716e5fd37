// Names that every object inherits (`constructor`, `toString`, `hasOwnProperty`, `__proto__`) as
// module specifiers, constructors, superclasses and methods: the knowledge base's tables are plain
// objects, and a lookup by such a name must find nothing rather than a function of Object.prototype.
import { constructor as resolvePath, join } from "constructor";
import * as helpers from "toString";
import base from "hasOwnProperty";
import type { Context } from "__proto__";

declare function read(path: string): Promise<string>;

const files = new Map<string, string>(); // expect: postmortem/no-unbounded-cache

class Registry extends hasOwnProperty {}
const registry = new valueOf();
const sessions = new Registry();

export class Handler {
  constructor(readonly context: Context) {}

  async load(ids: string[], record: { hasOwnProperty(key: string): boolean }) {
    record.hasOwnProperty(ids[0] ?? "");
    ids.toString();
    Promise.toString();
    await helpers.toString(ids, async (id: string) => base.valueOf(id));
    const key = resolvePath(ids[0] ?? "");
    if (!files.has(key)) files.set(key, await read(key));
    registry.set(ids[0], ids);
    sessions.add(ids[0]);
    const other = join(ids[0] ?? "");
    if (!files.has(other)) files.set(other, await read(other));
    return { registry, at: constructor.now() };
  }
}
