// `npm run wat -- <module>`: prints the WebAssembly text of a built module with its names, so
// an encoding (for example the LOG v1 codec, module `log-v1`) can be read instruction by
// instruction. Builds what is stale first.
//
// Usage: npm run wat -- <name> [--folded]
//   <name> is a file in build/core/ without .wasm: a program (init, logd, ...) or a library
//   module (log-v1, journal).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import wabtInit from "wabt";
import { build, buildDir } from "./build.ts";

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--"));
if (name === undefined || args.includes("--help")) {
  const available = existsSync(join(buildDir, "core"))
    ? readdirSync(join(buildDir, "core")).map((f) => f.replace(/\.wasm$/, "")).join(", ")
    : "(nothing built yet)";
  process.stdout.write("usage: npm run wat -- <module> [--folded]\n" +
    `modules: ${available}\n`);
  process.exit(name === undefined && !args.includes("--help") ? 1 : 0);
}

await build({ quiet: true });
const path = join(buildDir, "core", `${name}.wasm`);
if (!existsSync(path)) {
  process.stderr.write(`wat: no module "${name}" in build/core\n`);
  process.exit(1);
}
const wabt = await wabtInit();
// A copy: wabt reads the whole backing buffer, which for a pooled Buffer is larger.
const module = wabt.readWasm(new Uint8Array(readFileSync(path)), { readDebugNames: true });
module.generateNames();
module.applyNames();
process.stdout.write(module.toText({ foldExprs: args.includes("--folded"), inlineExport: false }));
module.destroy();
