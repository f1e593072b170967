// A halt leaves nothing behind: every process still parked in a syscall is unwound, so a sweep
// of thousands of boots in one process does not keep their stacks and instances alive (V8
// holds a suspended JSPI stack for as long as its promise is pending). Found by a 10,000-seed
// `npm run sim`, which ran out of memory for new instances after about 4,000 boots.

import { expect, test } from "vitest";
import { instantiateProgram } from "../../kernel-emu/abi-host.ts";
import { loadImageOf } from "../../kernel-emu/image.ts";
import { Kernel, type Process } from "../../kernel-emu/kernel.ts";
import { type ProgramSpec, parseManifest } from "../../kernel-emu/manifest.ts";
import { buildDir, probeImage } from "./harness.ts";

test("kernel: a halt unwinds every parked process, so nothing outlives the boot", async () => {
  const manifest = parseManifest(JSON.stringify(probeImage([["pong"], ["ping", "3", "8"]])));
  const image = loadImageOf(manifest, buildDir, "halt-test");
  let started = 0;
  let settled = 0;
  let kernel: Kernel | null = null;
  const loader = {
    instantiate(p: Process, spec: ProgramSpec) {
      const module = image.modules.get(spec.name) as WebAssembly.Module;
      const entry = instantiateProgram(kernel as Kernel, p, module);
      return (args: string[]) => {
        started++;
        const run = entry(args);
        run.then(() => settled++, () => settled++);
        return run;
      };
    },
  };
  kernel = new Kernel(manifest, loader, { seed: 1, console: () => {} });
  const halt = await kernel.run();
  // init and the pong server were parked in recv when the system went idle.
  expect(halt.reason).toBe("idle");
  expect(halt.alive.map((p) => p.state)).toEqual(["recv init", "recv pong"]);
  await new Promise((resolve) => setImmediate(resolve));
  expect(started).toBe(3);
  expect(settled).toBe(started);
});
