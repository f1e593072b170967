// The build: every program's AssemblyScript → a core module (fixed maximum memory, name
// section kept, imports only from its world) → its WIT world embedded → a component via jco.
// Library modules (`*.module.ts`) become plain core modules, for tests and WAT inspection.
//
// Programs are `services/<name>/main.ts` and, for tests, `tests/programs/<name>/main.ts`.
// Outputs go to build/ (ignored): core/<name>.wasm and components/<name>.wasm. A target is
// rebuilt only when the hash of its inputs changed, so boot and test can call this freely.
//
// Usage: node scripts/build.ts [--force] [--quiet]

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const rootDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const buildDir = join(rootDir, "build");
const witPath = join(rootDir, "wit", "nexus-os.wit");
const worldName = "program";
const sysImportModule = "nexus:os/sys@0.1.0";

/** The memory maximum compiled into every module; the manifest's cap replaces it at boot. */
export const buildMemoryPagesMax = 64;

export class BuildError extends Error {}

export interface Target {
  name: string;
  entry: string;
  /** A program becomes a component; a library module stays a core module. */
  kind: "program" | "module";
}

export function findTargets(): Target[] {
  const targets: Target[] = [];
  for (const base of ["services", join("tests", "programs")]) {
    const dir = join(rootDir, base);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const entry = join(dir, name, "main.ts");
      if (existsSync(entry)) targets.push({ name, entry, kind: "program" });
    }
  }
  for (const file of listFiles(join(rootDir, "services"))) {
    if (file.endsWith(".module.ts")) {
      targets.push({ name: basename(file, ".module.ts"), entry: file, kind: "module" });
    }
  }
  return targets;
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...listFiles(path));
    else files.push(path);
  }
  return files;
}

/**
 * What a target's output depends on. AssemblyScript programs import freely from services/lib
 * and their own folder, so both are hashed whole, with the WIT, the compiler settings and
 * this script.
 */
function inputsHash(target: Target): string {
  const hash = createHash("sha256");
  const files = [
    ...listFiles(join(rootDir, "services", "lib")),
    ...listFiles(dirname(target.entry)),
    witPath,
    join(rootDir, "asconfig.json"),
    fileURLToPath(import.meta.url),
  ];
  for (const file of [...new Set(files)].sort()) {
    hash.update(relative(rootDir, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

async function compile(target: Target, corePath: string): Promise<void> {
  // Loaded on first use: the compiler takes over half a second to load, and a boot whose
  // build is current should not pay for it.
  const { default: asc } = await import("assemblyscript/asc");
  const stderr: string[] = [];
  const result = await asc.main([
    relative(rootDir, target.entry),
    "--config", "asconfig.json",
    "--maximumMemory", String(buildMemoryPagesMax),
    "--outFile", relative(rootDir, corePath),
  ], {
    stdout: { write: () => true } as never,
    stderr: { write: (text: string) => (stderr.push(String(text)), true) } as never,
    readFile: (file, baseDir) => {
      const path = join(baseDir, file);
      return existsSync(path) ? readFileSync(path, "utf8") : null;
    },
    writeFile: (file, contents, baseDir) => writeFileSync(join(baseDir, file), contents),
    listFiles: (dir, baseDir) => readdirSync(join(baseDir, dir)),
  });
  if (result.error !== null) {
    throw new BuildError(`build: ${target.name}: AssemblyScript failed\n${stderr.join("")}`);
  }
}

/** The world allows imports from the kernel ABI only: no `env`, no WASI. */
function checkImports(target: Target, core: Uint8Array): void {
  const allowed = target.kind === "program" ? sysImportModule : null;
  const module = new WebAssembly.Module(core as Uint8Array<ArrayBuffer>);
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.module !== allowed) {
      throw new BuildError(`build: ${target.name}: imports ${imp.module}.${imp.name}, ` +
        `which ${target.kind === "program" ? `world ${worldName}` : "a library module"} ` +
        "does not provide");
    }
  }
}

async function componentize(target: Target, core: Uint8Array): Promise<Uint8Array> {
  const { componentEmbed, componentNew } = await import("@bytecodealliance/jco");
  try {
    const embedded = await componentEmbed({
      binary: core, witSource: readFileSync(witPath, "utf8"), world: worldName,
      stringEncoding: "utf8",
    });
    return await componentNew(embedded, []);
  } catch (error) {
    const detail = String((error as Error).message ?? error)
      .split("\n").map((l) => l.trim()).filter((l) => /^\d+:/.test(l)).join("; ");
    throw new BuildError(`build: ${target.name}: does not match world ${worldName}: ` +
      (detail || String(error)));
  }
}

/** Compiles one target into `outDir`/core (and `outDir`/components for a program). */
export async function buildOne(target: Target, outDir: string): Promise<void> {
  const corePath = join(outDir, "core", `${target.name}.wasm`);
  await compile(target, corePath);
  const core = new Uint8Array(readFileSync(corePath));
  checkImports(target, core);
  if (target.kind === "program") {
    const component = await componentize(target, core);
    writeFileSync(join(outDir, "components", `${target.name}.wasm`), component);
  }
}

async function buildTarget(target: Target, force: boolean): Promise<boolean> {
  const stampPath = join(buildDir, "stamps", `${target.name}.sha256`);
  const hash = inputsHash(target);
  if (!force && existsSync(stampPath) && readFileSync(stampPath, "utf8") === hash) return false;
  await buildOne(target, buildDir);
  writeFileSync(stampPath, hash);
  return true;
}

export function makeBuildDirs(outDir: string): void {
  for (const dir of ["core", "components", "stamps"]) {
    mkdirSync(join(outDir, dir), { recursive: true });
  }
}

export async function build(options: { force?: boolean; quiet?: boolean } = {}): Promise<void> {
  makeBuildDirs(buildDir);
  const started = performance.now();
  const built: string[] = [];
  for (const target of findTargets()) {
    if (await buildTarget(target, options.force ?? false)) built.push(target.name);
  }
  if (!options.quiet && built.length > 0) {
    const ms = Math.round(performance.now() - started);
    process.stderr.write(`build: ${built.length} target(s) in ${ms} ms: ${built.join(" ")}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes("--help")) {
    process.stdout.write("usage: npm run build -- [--force] [--quiet]\n" +
      "Builds every program in services/ and tests/programs/ into build/components/.\n");
    process.exit(0);
  }
  build({ force: args.includes("--force"), quiet: args.includes("--quiet") }).catch((error) => {
    process.stderr.write(`${error instanceof BuildError ? error.message : error.stack}\n`);
    process.exit(1);
  });
}
