// Every syscall's success and error paths, as the probe program observes them from inside.

import { describe, expect, test } from "vitest";
import { bootManifest, probeImage } from "./harness.ts";

describe("syscalls", async () => {
  const { transcript, halt } = await bootManifest(probeImage([["pong"], ["syscalls"]]));
  const lines = transcript.split("\n");

  test.each([
    ["open granted", "ok 2"],
    ["open denied", "access-denied"],
    ["send bad-handle", "bad-handle"],
    ["close bad-handle", "bad-handle"],
    ["recv bad-handle", "bad-handle"],
    ["call bad-handle", "bad-handle"],
    ["reply bad-token", "bad-handle"],
    ["reply-recv bad-token", "bad-handle"],
    ["send too-large", "message-too-large"],
    ["recv not-server", "access-denied"],
    ["wait not-a-child", "not-a-child"],
    ["spawn no-such-image", "no-such-image"],
    ["spawn too-many-args", "invalid-argument"],
    ["spawn child", "ok 0"],
    ["wait child", "ok 0"],
    ["wait again", "not-a-child"],
    ["close granted", "ok 0"],
    ["send after close", "bad-handle"],
  ])("syscalls: %s gives %s", (what, expected) => {
    expect(lines).toContain(`probe: ${what} ${expected}`);
  });

  test("clock: advances across a yield", () => {
    expect(lines).toContain("probe: clock advanced yes");
  });

  test("wait: returns the child's exit code", () => {
    expect(lines).toContain("probe: child code 7");
  });

  test("self-pid: is the pid the kernel assigned", () => {
    expect(lines).toContain("probe: pid 3");
  });

  test("kernel: goes idle when every process is blocked", () => {
    expect(halt.reason).toBe("idle");
    expect(halt.alive.map((p) => p.state)).toEqual(["recv init", "recv pong"]);
  });
});
