// Test harness: boots a manifest given as an object, in this thread, and returns the result.

import { join } from "node:path";
import { boot, type BootOptions, type BootResult } from "../../kernel-emu/boot.ts";
import { loadImageOf } from "../../kernel-emu/image.ts";
import { parseManifest } from "../../kernel-emu/manifest.ts";

export const buildDir = join(import.meta.dirname, "..", "..", "build");

export async function bootManifest(
  manifest: object, options: Partial<BootOptions> = {},
): Promise<BootResult> {
  const parsed = parseManifest(JSON.stringify(manifest), "test-manifest");
  const image = loadImageOf(parsed, buildDir, "test-manifest");
  return boot(image, { seed: 1, ...options });
}

/** An image of init plus probe instances started in order with the given arguments. */
export function probeImage(starts: string[][], extra: Record<string, unknown> = {}): object {
  return {
    name: "probe-test",
    init: "init",
    start: starts.map((_, i) => `probe${i}`),
    endpoints: [{ name: "init", server: "init" }, { name: "pong", server: "probe0" }],
    programs: [
      { name: "init", memoryPagesMax: 4 },
      { name: "probe", memoryPagesMax: 4, uses: ["pong", "init"] },
      ...starts.map((args, i) => ({
        name: `probe${i}`, component: "probe", memoryPagesMax: 4, args, uses: ["pong", "init"],
      })),
    ],
    ...extra,
  };
}
