// Injected faults (kernel-emu/faults.ts) on the default image. Invariants: the kernel never
// faults; a check whose behaviour truly failed prints FAIL, never ok; execd still reports
// crashes, on the console when logd cannot take the record; a service with a restart policy
// comes back, visibly, and a program that keeps failing is restarted a bounded number of times.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseFault } from "../../kernel-emu/faults.ts";
import { rootDir } from "../../scripts/build.ts";
import { bootManifest } from "../kernel/harness.ts";

const defaultImage = JSON.parse(readFileSync(join(rootDir, "images", "default.json"), "utf8"));

async function bootWith(...faults: string[]) {
  const result = await bootManifest(defaultImage, {
    faults: faults.map(parseFault), untilMarker: "SELFTEST: end",
  });
  expect(result.halt.reason).not.toBe("kernel-fault");
  return result.transcript;
}

describe("injected faults", () => {
  test("faults: logd killed mid-boot is restarted, visibly, and serves again", async () => {
    const transcript = await bootWith("kill:logd@30");
    expect(transcript).toContain("kernel: fault injected kill:logd@30 pid=2\n");
    expect(transcript).toContain("init: exited logd pid=2 code=-1 trapped\n");
    expect(transcript).toMatch(/^init: restart logd pid=\d+ restarts=1$/m);
    expect(transcript.match(/^logd: ready$/gm)).toHaveLength(2);
    // Checks made after the restart pass again on the fresh journal.
    expect(transcript).toContain("SELFTEST: malformed frame ok\n");
    expect(transcript).toContain("SELFTEST: counters ok\n");
  });

  test("faults: crash records lost with a killed logd make the selftest FAIL, not ok",
    async () => {
      const transcript = await bootWith("kill:logd@30");
      expect(transcript).toMatch(/^execd: crash report crash42 pid=\d+ code=42$/m);
      expect(transcript).toMatch(/^SELFTEST: crash report FAIL /m);
      expect(transcript).not.toContain("SELFTEST: crash report ok");
    });

  test("faults: without logd for good, execd prints its crash records on the console",
    async () => {
      const image = structuredClone(defaultImage);
      image.start[0] = "logd";
      const { transcript } = await bootManifest(image, {
        faults: [parseFault("kill:logd@30")], untilMarker: "SELFTEST: end",
      });
      expect(transcript).not.toContain("init: restart logd");
      expect(transcript).toMatch(/^execd: crash report crash42 pid=\d+ code=42$/m);
      expect(transcript).toMatch(/^execd: crash report child_pid=\d+ code=42 event=crash\.v1 /m);
      expect(transcript).toMatch(/^SELFTEST: malformed frame FAIL /m);
    });

  test("faults: a lost exit notice means no crash report, and the selftest says so",
    async () => {
      // One-way messages in order: readiness notices of logd, execd and the selftest, then
      // crash42's exit notice to execd.
      const transcript = await bootWith("drop:4");
      expect(transcript).toContain("kernel: fault injected drop:4 message=4\n");
      expect(transcript).not.toMatch(/^execd: crash report crash42 /m);
      expect(transcript).toMatch(/^SELFTEST: crash report FAIL no crash record for pid \d+$/m);
    });

  test("faults: a program made to trap is reported as a trap with its reason", async () => {
    const transcript = await bootWith("trap:crash42@1");
    expect(transcript).toMatch(/^kernel: crash42 pid=\d+ trapped: unreachable \(injected\)$/m);
    expect(transcript).toMatch(/^execd: crash report crash42 pid=\d+ code=-1$/m);
    expect(transcript).toMatch(/^SELFTEST: crash report FAIL crash record has the wrong code/m);
  });

  test("restart: a program that keeps failing is restarted at most max times", async () => {
    const image = structuredClone(defaultImage);
    image.start = [{ program: "flaky", restart: { max: 2, windowMs: 1000 } }];
    image.programs.push({ name: "flaky", component: "probe", memoryPagesMax: 4,
      args: ["exit", "3"], uses: ["init"] });
    const { transcript } = await bootManifest(image);
    expect(transcript.match(/^init: restart flaky pid=\d+ restarts=\d$/gm)).toHaveLength(2);
    expect(transcript).toContain("init: restart limit flaky restarts=2 window_ms=1000\n");
    expect(transcript.match(/^init: exited flaky /gm)).toHaveLength(3);
  });

  test("faults: a bad fault spec is refused with its reason", () => {
    expect(() => parseFault("kill:logd")).toThrow(/bad fault "kill:logd"/);
    expect(() => parseFault("drop:0")).toThrow(/bad fault/);
  });
});
