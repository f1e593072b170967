// The benchmark at tiny sizes, so it cannot rot: every row runs, and every figure is a finite
// number next to its reference. Timing targets are not asserted here (shared machines are
// noisy; `npm run bench` prints the ratios); memory growth is, because it does not depend on
// timing.

import { beforeAll, describe, expect, test } from "vitest";
import { type Row, runBench } from "../../scripts/bench.ts";

describe("bench", () => {
  let rows: Row[] = [];
  beforeAll(async () => {
    rows = await runBench(true);
  }, 120_000);

  test("bench: every row of a quick run yields a figure and its reference", () => {
    const figures = rows.map((r) => r.figure);
    for (const expected of ["ipc round trip, 64 B, kernel", "ipc round trip, 64 B, jco glue",
      "log append via nexus-log, acked", "query a full journal",
      "boot to SELFTEST: end, wall, cold",
      "npm run boot process, warm build", "spawn + exit + wait", "memory, all processes"]) {
      expect(figures).toContain(expected);
    }
    for (const r of rows) {
      expect(Number.isFinite(r.value), r.figure).toBe(true);
      if (r.referenceValue !== null) expect(r.ratio, r.figure).not.toBeNull();
    }
  });

  test("bench: no process's memory grows under a flood of appends", () => {
    const memory = rows.filter((r) => r.figure.startsWith("memory"));
    expect(memory.length).toBeGreaterThan(1);
    for (const r of memory) expect(r.met, r.figure).toBe(true);
  });
});
