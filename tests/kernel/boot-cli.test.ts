// `npm run boot`: help, the timeout that names the spinning process, and one-line reasons for
// a bad manifest or a marker that never came.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { rootDir } from "../../scripts/build.ts";

const work = mkdtempSync(join(tmpdir(), "nexus-boot-"));

function bootCli(...args: string[]) {
  const uart = join(work, "uart.log");
  const run = spawnSync(process.execPath, [join(rootDir, "scripts", "boot.ts"), "--no-build",
    "--uart", uart, ...args], { encoding: "utf8", timeout: 30_000 });
  return { ...run, uart };
}

describe("boot command", () => {
  test("boot: --help lists the flags and exits 0", () => {
    const run = bootCli("--help");
    expect(run.status).toBe(0);
    for (const flag of ["--seed", "--until-marker", "--timeout", "--preempt", "--coarse-clock"]) {
      expect(run.stdout).toContain(flag);
    }
  });

  test("boot: a program spinning without syscalls is cut off at the timeout, by name", () => {
    const started = Date.now();
    const run = bootCli("--image", join(rootDir, "tests", "images", "spin.json"),
      "--timeout", "1500ms");
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^boot: timeout after 1500 ms; running: pid 2 \(spinner\)$/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readFileSync(run.uart, "utf8")).toContain("probe: spinning");
  });

  test("boot: a bad manifest fails with a one-line reason", () => {
    const manifest = join(work, "bad.json");
    writeFileSync(manifest, JSON.stringify({ name: "bad", programs: [{ name: "init" }] }));
    const run = bootCli("--image", manifest);
    expect(run.status).toBe(4);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("programs[0].memoryPagesMax: expected an integer");
  });

  test("boot: a marker that never appears fails once the system is idle", () => {
    const run = bootCli("--until-marker", "never printed");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^boot: marker "never printed" not seen; system idle after/);
  });

  test("boot: a bad flag value is refused with its reason", () => {
    const run = bootCli("--timeout", "soon");
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('bad duration "soon"');
  });
});
