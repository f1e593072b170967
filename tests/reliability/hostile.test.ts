// The hostile image (tests/images/hostile.json): logd, execd and the selftest while test-only
// programs (tests/programs/hostile) flood logd from several processes, send every malformed
// kind of frame and hundreds of randomly mutated ones, ask for pages far past the caps, claim
// other identities, and forge handles and reply tokens. A conductor runs them in three phases
// (attackers that evict the journal, then attackers that read their own records back, then the
// selftest beside more malformed frames and forgeries) and reads logd's counters after each.
//
// Each test holds one invariant and is named after it. The image is booted once with a fixed
// seed, and once more with every syscall a possible switch and a coarse clock; a quiet boot of
// images/default.json gives the reference for logd's memory.

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { BootResult } from "../../kernel-emu/boot.ts";
import { bootManifest } from "../kernel/harness.ts";

const hostileImage = JSON.parse(readFileSync(new URL("../images/hostile.json", import.meta.url),
  "utf8"));
const defaultImage = JSON.parse(readFileSync(new URL("../../images/default.json",
  import.meta.url), "utf8"));

// The selftest's two refusal checks (malformed frame, oversized record) each send one frame
// logd must refuse; nothing else outside the hostile programs sends one.
const selftestRefusedFrames = 2;
const logQueueDepth = 8;
const logQueryRecordsMax = 128;
const messageBytesMax = 4096;
const journalRecordsDefault = 256;

type Done = { mode: string; values: Record<string, string> };
type Phase = { appended: number; rejected: number; done: Done[] };

type Counters = { phases: Phase[]; finalStats: Record<string, number> };

let hostile: BootResult;
let preempted: BootResult;
let quiet: BootResult;
let phases: Phase[];

beforeAll(async () => {
  hostile = await bootManifest(hostileImage);
  preempted = await bootManifest(hostileImage, { seed: 7, preemptEverySyscall: true,
    clockCoarseNs: 1_000_000 });
  quiet = await bootManifest(defaultImage);
  phases = parseTranscript(hostile.transcript).phases;
});

function keyValues(text: string): Record<string, string> {
  return Object.fromEntries(text.trim().split(" ").map((pair) => pair.split("=", 2)));
}

// Groups each `hostile: <mode> done ...` line under the phase whose counters follow it; the
// conductor prints a phase's line only after every program of the phase has exited.
function parseTranscript(transcript: string): Counters {
  const found: Phase[] = [];
  let pending: Done[] = [];
  let stats: Record<string, number> = {};
  for (const line of transcript.split("\n")) {
    const done = /^hostile: (\S+) done (.*)$/.exec(line);
    const phase = /^hostile: phase \d+ (.*)$/.exec(line);
    const final = /^hostile: stats (.*)$/.exec(line);
    if (done !== null) pending.push({ mode: done[1], values: keyValues(done[2]) });
    if (phase !== null) {
      const counters = keyValues(phase[1]);
      found.push({ appended: Number(counters.appended), rejected: Number(counters.rejected),
        done: pending });
      pending = [];
    }
    if (final !== null) {
      stats = Object.fromEntries(Object.entries(keyValues(final[1]))
        .map(([key, value]) => [key, Number(value)]));
    }
  }
  return { phases: found, finalStats: stats };
}

function doneLines(mode: string): Record<string, string>[] {
  return phases.flatMap((phase) => phase.done).filter((d) => d.mode === mode)
    .map((d) => d.values);
}

const sum = (done: Done[], key: string) => done.reduce((n, d) => n + Number(d.values[key]), 0);

// Phases 1 and 2 hold only hostile programs, so logd's counters must grow by exactly what
// they reported; phase 3 adds the selftest's records (not counted) and refusals (counted).
function checkCounters({ phases, finalStats }: Counters): void {
  expect(phases.length).toBe(3);
  const [attack, readBack, selftest] = phases;
  for (const phase of [attack, readBack]) {
    expect(phase.rejected).toBe(sum(phase.done, "refused"));
    expect(phase.appended).toBe(sum(phase.done, "appended"));
  }
  expect(selftest.rejected).toBe(sum(selftest.done, "refused") + selftestRefusedFrames);
  expect(attack.rejected).toBeGreaterThan(100);

  expect(finalStats.appended).toBe(finalStats["used-records"] + finalStats.dropped);
  expect(finalStats["used-records"]).toBeLessThanOrEqual(journalRecordsDefault);
  expect(finalStats.rejected).toBe(phases.reduce((n, phase) => n + phase.rejected, 0));
}

describe("hostile image", () => {
  test("hostile: logd keeps serving; a STATS and a query after the attack succeed", () => {
    expect(hostile.halt.reason).toBe("idle");
    expect(hostile.halt.alive.find((p) => p.image === "logd")?.state).toBe("recv log");
    expect(hostile.transcript).toContain("hostile: final query ok\n");
    expect(hostile.transcript).toMatch(/^init: exited conductor pid=\d+ code=0$/m);
    expect(phases.length).toBe(3);
  });

  test("hostile: the selftest still passes beside the attackers", () => {
    for (const check of ["log query", "crash report", "trap report", "malformed frame",
      "oversized record"]) {
      expect(hostile.transcript).toContain(`SELFTEST: ${check} ok\n`);
    }
    expect(hostile.transcript).toContain("SELFTEST: end\n");
    expect(hostile.transcript).toContain("hostile: child selftest-client code=0\n");
    expect(hostile.transcript.split("\n").filter((line) => line.includes("FAIL"))).toEqual([]);
  });

  test("hostile: logd's memory size equals a quiet boot's", () => {
    const logdBytes = (result: BootResult) =>
      result.halt.alive.find((p) => p.image === "logd")?.memoryBytes;
    expect(logdBytes(quiet)).toBeGreaterThan(0);
    expect(logdBytes(hostile)).toBe(logdBytes(quiet));
    expect(logdBytes(preempted)).toBe(logdBytes(quiet));
  });

  test("hostile: rejected counts every refused frame and appended every accepted record", () => {
    checkCounters(parseTranscript(hostile.transcript));
  });

  test("hostile: the counters stay exact when any syscall may switch processes", () => {
    checkCounters(parseTranscript(preempted.transcript));
    expect(preempted.transcript).toContain("hostile: final query ok\n");
    expect(preempted.transcript).toContain("SELFTEST: end\n");
    expect(preempted.transcript.split("\n").filter((line) => line.includes("FAIL"))).toEqual([]);
  });

  test("hostile: no handle or reply token can be forged", () => {
    // Per forge run: handles 0..20 but the granted one, five syscalls each; one handle at
    // u32 max; reply tokens 0..200 and u32 max; eight checks of rights it was never given.
    const attempts = 20 * 5 + 1 + 201 + 1 + 8;
    const forged = doneLines("forge");
    expect(forged.length).toBe(2);
    for (const run of forged) {
      expect(run).toMatchObject({ attempts: String(attempts), succeeded: "0", unexpected: "0" });
    }
  });

  test("hostile: every malformed kind is refused with its own status", () => {
    const runs = doneLines("malformed");
    expect(runs.length).toBe(2);
    for (const run of runs) {
      expect(run).toMatchObject({ mismatches: "0", oversize: "message-too-large",
        appended: "0" });
      // Each case by call, plus one refusable frame sent without a reply.
      expect(Number(run.refused)).toBe(Number(run.cases) + 1);
      expect(Number(run.cases)).toBeGreaterThanOrEqual(45);
    }
  });

  test("hostile: a QUERY page stays within logQueryRecordsMax and one message", () => {
    const [run] = doneLines("bigpage");
    expect(run).toMatchObject({ "first-page": String(logQueryRecordsMax), total: "200",
      refused: "1" });
    expect(Number(run["reply-max"])).toBeLessThanOrEqual(messageBytesMax);
  });

  test("hostile: a record's identity comes from the kernel, never from its fields", () => {
    const [run] = doneLines("impostor");
    expect(run).toMatchObject({ refused: "6", logged: "3", "own-pid": "3",
      "as-claimed": "0" });
  });

  test("hostile: the log queue is bounded and every flood call is answered", () => {
    const floods = doneLines("flood");
    expect(floods.length).toBe(3);
    for (const run of floods) {
      expect(run).toMatchObject({ refused: "0", logged: "250", "burst-end": "queue-full" });
      // A send does not yield (this boot does not preempt on every syscall), so logd cannot
      // drain the queue meanwhile: one send may go straight to logd blocked in recv, the
      // rest wait in the queue until it is full.
      expect(Number(run.burst)).toBeLessThanOrEqual(logQueueDepth + 1);
    }
  });

  test("hostile: every mutated frame gets a well-formed answer", () => {
    const [run] = doneLines("mutate");
    expect(run.sent).toBe("400");
    expect(Number(run.refused) + Number(run.accepted)).toBe(400);
    expect(hostile.transcript).toContain("hostile: child mutate code=0\n");
  });

  test("hostile: only crash-trap traps; every hostile program exits 0", () => {
    const traps = hostile.transcript.split("\n").filter((line) => line.startsWith("kernel: "));
    expect(traps.map((line) => line.split(" ")[1])).toEqual(["crash-trap"]);
    const children = [...hostile.transcript.matchAll(/^hostile: child (\S+) code=(.*)$/gm)];
    expect(children.length).toBe(12);
    expect(children.filter(([, , code]) => code !== "0")).toEqual([]);
  });
});

describe("hostile process table", () => {
  // The process table (processesMax) is shared by every program and counts exited children
  // until their parent reaps them. The per-parent quota (childrenPerProcessMax) keeps one
  // program that spawns and never reaps from filling it: init still starts the selftest.
  test("hostile: one program cannot exhaust the process table for the others",
    async () => {
      const image = structuredClone(defaultImage);
      image.start = ["logd", "execd", "hoarder", "selftest-client"];
      image.programs.push({ name: "hoarder", component: "hostile", memoryPagesMax: 4,
        args: ["hoard", "100", "2000"], uses: ["init", "log"] });
      const { transcript } = await bootManifest(image);
      expect(transcript).toMatch(/^hostile: hoard done .* end=limit-reached/m);
      expect(transcript).not.toContain("init: FAIL");
      expect(transcript).toContain("SELFTEST: end\n");
    });
});
