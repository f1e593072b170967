// The image manifest: validation errors name the offending path; references must resolve.

import { describe, expect, test } from "vitest";
import { ManifestError, parseManifest } from "../../kernel-emu/manifest.ts";
import { endpointQueueDepthMax, memoryPagesMax } from "../../kernel-emu/limits.ts";

const valid = {
  name: "t",
  start: ["svc"],
  endpoints: [{ name: "svc", server: "svc", queueDepth: 4 }],
  programs: [{ name: "init", memoryPagesMax: 2 }, { name: "svc", memoryPagesMax: 2 }],
};

function withChange(change: (m: any) => void): string {
  const copy = structuredClone(valid);
  change(copy);
  return JSON.stringify(copy);
}

describe("manifest", () => {
  test("manifest: a valid manifest parses with defaults filled in", () => {
    const m = parseManifest(JSON.stringify(valid));
    expect(m.init).toBe("init");
    expect(m.programs[1]).toEqual({
      name: "svc", component: "svc", args: [], memoryPagesMax: 2, uses: [],
    });
  });

  test.each([
    ["not JSON", "{", /manifest: not JSON/],
    ["unknown start", withChange((m) => m.start.push("ghost")), /start\[1\]: no program "ghost"/],
    ["unknown server", withChange((m) => (m.endpoints[0].server = "x")),
      /endpoints\[0\]\.server: no program "x"/],
    ["unknown use", withChange((m) => (m.programs[1].uses = ["nope"])),
      /programs\[1\]\.uses\[0\]: no endpoint "nope"/],
    ["duplicate program", withChange((m) => m.programs.push(m.programs[1])),
      /programs: "svc" appears twice/],
    ["queue depth past max", withChange((m) => (m.endpoints[0].queueDepth =
      endpointQueueDepthMax + 1)), /queueDepth: expected an integer in 1\.\.64/],
    ["memory past max", withChange((m) => (m.programs[0].memoryPagesMax = memoryPagesMax + 1)),
      /memoryPagesMax: expected an integer in 1\.\.256/],
    ["bad name", withChange((m) => (m.programs[1].name = "Bad Name")), /programs\[1\]\.name/],
  ])("manifest: %s is refused", (_what, text, error) => {
    expect(() => parseManifest(text)).toThrow(ManifestError);
    expect(() => parseManifest(text)).toThrow(error);
  });
});
