// A negative control for tests/package.test.ts: this file must NOT type-check, proving that the
// check above it can fail.
import { defineConfig } from "eslint/config";
import postmortem from "eslint-plugin-postmortem";

export default defineConfig([postmortem.configs.nope]);
