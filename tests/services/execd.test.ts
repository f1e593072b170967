// execd's EXEC v1 service, driven by the probe program: bad frames get their statuses and
// change nothing; SPAWN and STATUS answer as docs/protocols/exec-v1.md says.

import { describe, expect, test } from "vitest";
import { bootManifest } from "../kernel/harness.ts";

const image = {
  name: "execd-test", start: ["logd", "execd", "client"],
  endpoints: [{ name: "init", server: "init" }, { name: "log", server: "logd" },
    { name: "exec", server: "execd" }],
  programs: [
    { name: "init", memoryPagesMax: 4 },
    { name: "logd", memoryPagesMax: 4, uses: ["init"] },
    { name: "execd", memoryPagesMax: 4, uses: ["init", "log"] },
    { name: "probe", memoryPagesMax: 4, uses: ["log"] },
    { name: "client", component: "probe", memoryPagesMax: 4, args: ["exec"],
      uses: ["init", "exec"] },
  ],
};

describe("execd", async () => {
  const { transcript } = await bootManifest(image);

  test.each([
    ["unknown pid", "decoded=0 status=0 detail=0 state=0 code=0"],
    ["bad magic", "decoded=0 status=1 detail=0"],
    ["unknown op", "decoded=0 status=3 detail=0"],
    ["truncated", "decoded=0 status=1 detail=0"],
    ["no such image", "decoded=0 status=4 detail=6"],
  ])("execd: %s is answered with its status", (what, answer) => {
    expect(transcript).toMatch(new RegExp(`^probe: exec ${what} ${answer}`, "m"));
  });

  test("execd: a spawned child that exits 5 is reported, and STATUS says so", () => {
    expect(transcript).toMatch(/^probe: exec spawn decoded=0 status=0 /m);
    expect(transcript).toMatch(/^execd: crash report probe pid=\d+ code=5$/m);
    expect(transcript)
      .toMatch(/^probe: exec exited child decoded=0 status=0 detail=0 state=2 code=5$/m);
  });
});
