// nexus-log, driven from a program in a booted image: level filtering, invalid records, the
// console sink, and the pre-ready buffer with its replay and overflow.

import { describe, expect, test } from "vitest";
import { bootManifest } from "../kernel/harness.ts";

function image(start: string[], args: string[], grantLog = true): object {
  return {
    name: "nexus-log-test",
    start,
    endpoints: [{ name: "init", server: "init" }, { name: "log", server: "logd" }],
    programs: [
      { name: "init", memoryPagesMax: 4 },
      { name: "logd", memoryPagesMax: 4, uses: ["init"] },
      { name: "logprobe", memoryPagesMax: 4, args, uses: grantLog ? ["init", "log"] : ["init"] },
    ],
  };
}

// Outcome numbers as services/lib/nexus-log.ts defines them.
const LOGGED = 0, BUFFERED = 1, CONSOLE = 2, FILTERED = 3, INVALID = -1;

describe("nexus-log", () => {
  test("nexus-log: records above the maximum level are filtered, others logged", async () => {
    const { transcript } = await bootManifest(image(["logd", "logprobe"], ["levels"]));
    expect(transcript).toContain(`logprobe: info ${FILTERED}`);
    expect(transcript).toContain(`logprobe: warn ${LOGGED}`);
    expect(transcript).toContain(`logprobe: error ${LOGGED}`);
  });

  test("nexus-log: an invalid record is refused locally; the fields builder is bounded",
    async () => {
      const { transcript } = await bootManifest(image(["logd", "logprobe"], ["invalid"]));
      expect(transcript).toContain(`logprobe: bad scope ${INVALID}`);
      expect(transcript).toContain(`logprobe: identity field ${INVALID}`);
      expect(transcript).toContain("logprobe: fields kept 16");
    });

  test("nexus-log: without a log grant records go to the console, fields sorted", async () => {
    const { transcript } = await bootManifest(image(["logprobe"], ["console"], false));
    expect(transcript).toContain("logprobe: no logd here alpha=2 zeta=1\n");
    expect(transcript).toContain(`logprobe: console ${CONSOLE}`);
  });

  test("nexus-log: records before logd is ready wait, then replay in order", async () => {
    const { transcript } = await bootManifest(image(["logprobe", "logd"], ["pre-ready", "3"]));
    expect(transcript).toContain(`logprobe: early 0 ${BUFFERED}`);
    expect(transcript).toContain("logprobe: pending 3");
    expect(transcript).toContain(`logprobe: late ${LOGGED}`);
    expect(transcript).toContain("logprobe: pending 0");
    expect(transcript).toContain("logprobe: journal early 0,early 1,early 2,late,");
  });

  test("nexus-log: a full pre-ready buffer prints the rest and reports how many", async () => {
    const { transcript } = await bootManifest(image(["logprobe", "logd"], ["pre-ready", "20"]));
    expect(transcript).toContain(`logprobe: early 15 ${BUFFERED}`);
    expect(transcript).toContain(`logprobe: early 16 ${CONSOLE}`);
    expect(transcript).toContain("logprobe: early 16\n");
    expect(transcript).toContain("early 15,pre-ready buffer full, records went to the console" +
      "[dropped=4],late,");
    expect(transcript).toMatch(/logprobe: journal early 0,early 1,/);
  });
});

describe("logd memory", () => {
  test("logd: a flood of maximum-size appends leaves its memory size unchanged", async () => {
    const logdBytes = async (args: string[]) => {
      const { halt, transcript } = await bootManifest(image(["logd", "logprobe"], args));
      return { bytes: halt.alive.find((p) => p.image === "logd")?.memoryBytes, transcript };
    };
    const quiet = await logdBytes(["levels"]);
    const flooded = await logdBytes(["flood", "20000"]);
    expect(flooded.transcript).toContain("logprobe: flood logged 20000 of 20000");
    expect(quiet.bytes).toBeGreaterThan(0);
    expect(flooded.bytes).toBe(quiet.bytes);
  });
});
