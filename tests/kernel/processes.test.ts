// Processes: trap containment with symbolized backtraces, the memory cap, and exit notices.

import { describe, expect, test } from "vitest";
import { bootManifest, probeImage } from "./harness.ts";

describe("processes", () => {
  test.each([
    ["unreachable", "unreachable", "trap"],
    ["oob", "memory access out of bounds", "trap"],
    ["stack", "stack overflow", "recurse"],
  ])("trap containment: %s ends the child with its reason, the parent carries on",
    async (kind, reason, innermost) => {
      const { transcript } = await bootManifest(probeImage([["parent", "trap", kind]]));
      expect(transcript).toContain(`probe: child 3 code=-1 trapped=yes reason=${reason}`);
      expect(transcript).toMatch(new RegExp(`probe: frame \\S+/${innermost}@0x[0-9a-f]+`));
      // The parent kept running after the trap and exited normally; init saw it.
      expect(transcript).toContain("init: exited probe0 pid=2 code=0");
    });

  test("memory cap: growth stops at the manifest's maximum, seen by the guest", async () => {
    const image = probeImage([["memhog"]]);
    const programs = (image as { programs: { memoryPagesMax: number }[] }).programs;
    programs[2].memoryPagesMax = 3;
    const { transcript } = await bootManifest(image);
    expect(transcript).toMatch(/probe: memory pages 3 after growing \d+/);
    expect(transcript).toContain("init: exited probe0 pid=2 code=0");
  });

  test("exit: the exit syscall ends the process with its code, mid-run", async () => {
    const { transcript } = await bootManifest(probeImage([["exit-syscall", "9"]]));
    expect(transcript).toContain("init: exited probe0 pid=2 code=9\n");
  });

  test("exit: a clean exit code reaches the parent through its exit notice", async () => {
    const { transcript } = await bootManifest(probeImage([["exit", "42"]]));
    expect(transcript).toContain("init: exited probe0 pid=2 code=42");
  });

  test("wait: only the parent may wait for a process", async () => {
    const { transcript } = await bootManifest(probeImage([["pong"], ["syscalls"]]));
    expect(transcript).toContain("probe: wait not-a-child not-a-child");
  });
});
