// Determinism: the same image and seed give a byte-identical transcript; other seeds, and the
// preemption and coarse-clock options, still boot to the same markers.

import { describe, expect, test } from "vitest";
import { bootManifest, probeImage } from "./harness.ts";

const image = probeImage([["pong"], ["ping", "50", "16"], ["syscalls"], ["parent", "exit", "3"]]);

describe("determinism", () => {
  test("scheduler: two runs with one seed give identical transcripts", async () => {
    const first = await bootManifest(image, { seed: 7, preemptEverySyscall: true });
    const second = await bootManifest(image, { seed: 7, preemptEverySyscall: true });
    expect(second.transcript).toBe(first.transcript);
    expect(second.halt.nowNs).toBe(first.halt.nowNs);
  });

  test("scheduler: different seeds interleave differently and still finish", async () => {
    const transcripts = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const { transcript, halt } = await bootManifest(image, { seed, preemptEverySyscall: true });
      expect(halt.reason).toBe("idle");
      expect(transcript).toContain("probe: ping done 50");
      expect(transcript).toMatch(/probe: child \d+ code=3 /);
      transcripts.add(transcript);
    }
    expect(transcripts.size).toBeGreaterThan(1);
  });

  test("clock: a coarse clock still boots", async () => {
    const { transcript } = await bootManifest(image, { clockCoarseNs: 1_000_000 });
    expect(transcript).toContain("probe: ping done 50");
  });
});
