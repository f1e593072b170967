// Console discipline and logd's mirror: no program in services/ writes the console except
// through nexus-log, and logd's mirror (switched on in the manifest) prints info-and-above
// records as deterministic JSON lines.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { rootDir } from "../../scripts/build.ts";
import { bootManifest } from "../kernel/harness.ts";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function mirrorImage(mirror: string): object {
  return {
    name: "mirror-test", start: ["logd", "logprobe"],
    endpoints: [{ name: "init", server: "init" }, { name: "log", server: "logd" }],
    programs: [
      { name: "init", memoryPagesMax: 4 },
      { name: "logd", memoryPagesMax: 4, args: [mirror], uses: ["init"] },
      { name: "logprobe", memoryPagesMax: 4, args: ["levels"], uses: ["init", "log"] },
    ],
  };
}

describe("console", () => {
  test("console: only nexus-log (over the syscall bindings) writes the console", () => {
    const writers = sources(join(rootDir, "services"))
      .filter((path) => /consoleWrite|console-write/.test(readFileSync(path, "utf8")))
      .map((path) => relative(rootDir, path));
    expect(writers.sort()).toEqual(["services/lib/nexus-log.ts", "services/lib/sys.ts"]);
  });

  test("mirror: with --mirror=on logd prints each info-and-above record as one JSON line",
    async () => {
      const first = await bootManifest(mirrorImage("--mirror=on"));
      const lines = first.transcript.split("\n").filter((line) => line.startsWith("{"));
      // logprobe's levels mode logs warn and error (info is filtered at the source).
      expect(lines).toHaveLength(2);
      const records = lines.map((line) => JSON.parse(line));
      expect(records.map((r) => [r.level, r.scope, r.msg])).toEqual([
        ["warn", "logprobe", "kept"], ["error", "logprobe", "kept too"]]);
      const again = await bootManifest(mirrorImage("--mirror=on"));
      expect(again.transcript).toBe(first.transcript);
    });

  test("mirror: off by default, and a bad logd argument stops logd with a reason", async () => {
    const quiet = await bootManifest(mirrorImage("--mirror=off"));
    expect(quiet.transcript).not.toMatch(/^\{/m);
    const bad = await bootManifest(mirrorImage("--records=0"));
    expect(bad.transcript).toContain("logd: FAIL journal capacity records=0 bytes=65536");
    expect(bad.transcript).not.toContain("logd: ready");
  });
});
