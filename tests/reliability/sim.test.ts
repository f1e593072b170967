// The seed sweep (scripts/sim.ts) as part of the test command: a small range under each option,
// and one under random faults. Strategy and invariants are described in scripts/sim.ts.

import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { rootDir } from "../../scripts/build.ts";
import { runSim, type SimOptions } from "../../scripts/sim.ts";

const base: SimOptions = {
  seeds: [], preempt: false, clockCoarseNs: 0, replayEvery: 5, faults: [], randomFaults: false,
  manifestPath: join(rootDir, "images", "default.json"),
};

function seeds(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

async function sweep(options: Partial<SimOptions>) {
  const lines: string[] = [];
  const results = await runSim({ ...base, ...options }, (line) => lines.push(line));
  return { results, lines, failed: results.filter((r) => r.failures.length > 0) };
}

describe("seed sweep", () => {
  test("sim: 20 seeds hold the whole contract, sampled seeds replay identically", async () => {
    const { results, failed, lines } = await sweep({ seeds: seeds(1, 20) });
    expect(failed, lines.join("\n")).toEqual([]);
    expect(results.filter((r) => r.replayed)).toHaveLength(4);
  });

  test("sim: 20 seeds with preemption at every syscall and a coarse clock", async () => {
    const { failed, lines } = await sweep({ seeds: seeds(21, 40), preempt: true,
      clockCoarseNs: 1_000_000 });
    expect(failed, lines.join("\n")).toEqual([]);
  });

  test("sim: 40 seeds with one random fault each never fault the kernel", async () => {
    const { results, failed, lines } = await sweep({ seeds: seeds(1, 40), randomFaults: true,
      preempt: true });
    expect(failed, lines.join("\n")).toEqual([]);
    const kinds = new Set(results.flatMap((r) => r.faults.map((f) => f.kind)));
    expect([...kinds].sort()).toEqual(["drop", "kill", "trap"]);
  });

  test("sim: a failing seed is printed with the command that replays it", async () => {
    const manifestPath = join(rootDir, "tests", "images", "no-logd.json");
    const { failed, lines } = await sweep({ seeds: [3], manifestPath, preempt: true });
    expect(failed).toHaveLength(1);
    expect(lines).toContain("sim: seed 3 FAIL missing \"SELFTEST: log query ok\"");
    expect(lines).toContain(`sim: replay with: npm run boot -- --seed 3 --preempt --image ${
      manifestPath}`);
  });
});
