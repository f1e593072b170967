// The build rejects a program whose imports or exports do not match its world, and names
// the program and the mismatch.

import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { buildOne, makeBuildDirs, rootDir } from "../../scripts/build.ts";

function program(name: string, source: string) {
  const dir = mkdtempSync(join(tmpdir(), "nexus-build-"));
  mkdirSync(join(dir, name));
  const entry = join(dir, name, "main.ts");
  // AssemblyScript resolves imports relative to the entry; it takes no absolute paths.
  const sysLib = relative(join(dir, name), join(rootDir, "services", "lib", "sys"));
  writeFileSync(entry, source.replaceAll("SYS_LIB", sysLib));
  makeBuildDirs(dir);
  return { target: { name, entry, kind: "program" as const }, outDir: dir };
}

describe("build", () => {
  test("build: a program importing a function its world lacks is rejected by name", async () => {
    const { target, outDir } = program("bogus-import", `
      export { cabi_realloc } from "SYS_LIB";
      @external("nexus:os/sys@0.1.0", "format-disk")
      declare function formatDisk(): void;
      export function run(argsPtr: usize, argsLen: i32): i32 { formatDisk(); return 0; }
    `);
    await expect(buildOne(target, outDir)).rejects.toThrow(
      /build: bogus-import: does not match world program: .*missing function `format-disk`/);
  });

  test("build: a program whose run has the wrong signature is rejected", async () => {
    const { target, outDir } = program("bad-run", `
      export { cabi_realloc } from "SYS_LIB";
      export function run(argsPtr: usize): i32 { return 0; }
    `);
    await expect(buildOne(target, outDir)).rejects.toThrow(
      /build: bad-run: does not match world program: .*type mismatch for function `run`/);
  });

  test("build: a program importing from env is rejected before componentizing", async () => {
    const { target, outDir } = program("env-import", `
      export { cabi_realloc } from "SYS_LIB";
      @external("env", "seed") declare function seed(): f64;
      export function run(argsPtr: usize, argsLen: i32): i32 { return seed() as i32; }
    `);
    await expect(buildOne(target, outDir)).rejects.toThrow(
      "build: env-import: imports env.seed, which world program does not provide");
  });

  test("build: a matching program becomes a component", async () => {
    const { target, outDir } = program("fine", `
      export { cabi_realloc } from "SYS_LIB";
      export function run(argsPtr: usize, argsLen: i32): i32 { return 0; }
    `);
    await expect(buildOne(target, outDir)).resolves.toBeUndefined();
  });
});
