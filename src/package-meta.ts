import { createRequire } from "node:module";

interface PackageJson {
  name: string;
  version: string;
}

// Self-reference through the package's own `exports` ("./package.json"): works from the
// sources, from dist/ and from an installed copy alike.
const require = createRequire(import.meta.url);
const pkg = require("eslint-plugin-postmortem/package.json") as PackageJson;

export const PACKAGE_NAME = pkg.name;
export const PACKAGE_VERSION = pkg.version;
