// Conformance: the kernel's own canonical-ABI host (kernel-emu/abi-host.ts) against the glue
// `jco transpile` generates for the same component (kernel-emu/reference-host.ts).
//
// Each case boots one image twice with the same seed: once with every program under the
// kernel's host, once with some programs under jco's glue. Both hosts answer syscalls through
// the same Kernel, so any difference in the console transcript or in the recorded syscalls
// (arguments lifted, results returned, in order) means the two hosts disagree on the ABI.
// The order of the guest's `cabi_realloc` calls is compared on its own: the canonical ABI
// fixes it, but a program only notices it through where its results land.

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { componentPath } from "../../kernel-emu/image.ts";
import { buildDir, probeImage } from "./harness.ts";
import { bootHosted, type HostedRun, ReferenceGlue } from "../../kernel-emu/reference-host.ts";

interface Case {
  what: string;
  starts: string[][];
  /** Programs (manifest names) that run under jco's glue in the second boot. */
  reference: string[];
  /** A line the run must print, so two empty transcripts cannot pass for agreement. */
  expectLine: string;
}

// In a probe image, probe<i> is the i-th started instance and "probe" is what probes spawn.
const cases: Case[] = [
  {
    what: "every syscall's success and error paths",
    starts: [["pong"], ["syscalls"]],
    reference: ["probe1"],
    expectLine: "probe: wait child ok 0",
  },
  {
    what: "syscalls with init, the server and the child under the glue too",
    starts: [["pong"], ["syscalls"]],
    reference: ["init", "probe0", "probe1", "probe"],
    expectLine: "probe: send after close bad-handle",
  },
  {
    what: "call and reply carrying bytes",
    starts: [["pong"], ["ping", "5", "64"]],
    reference: ["probe0", "probe1"],
    expectLine: "probe: ping done 5",
  },
  {
    what: "wait after an unreachable trap",
    starts: [["parent", "trap", "unreachable"]],
    reference: ["probe0", "probe"],
    expectLine: "probe: child 3 code=-1 trapped=yes reason=unreachable",
  },
  {
    what: "wait after an out-of-bounds trap",
    starts: [["parent", "trap", "oob"]],
    reference: ["probe0", "probe"],
    expectLine: "probe: child 3 code=-1 trapped=yes reason=memory access out of bounds",
  },
  {
    what: "wait after a stack overflow",
    starts: [["parent", "trap", "stack"]],
    reference: ["probe0", "probe"],
    expectLine: "probe: child 3 code=-1 trapped=yes reason=stack overflow",
  },
];

const glues = new Map<string, ReferenceGlue>();

beforeAll(async () => {
  for (const name of ["init", "probe"]) {
    const component = readFileSync(componentPath(buildDir, name));
    glues.set(name, await ReferenceGlue.transpile(component, name));
  }
});

const reallocOrder = "abi-host.ts calls the guest's cabi_realloc in another order than the " +
  "canonical ABI (jco's glue): a list<string> must get its (ptr, len) buffer before its " +
  "strings (lowerStringList), and exit-status its trap-reason before its backtrace " +
  "(lowerExitStatus)";

/**
 * jco's glue lowers an empty string as (1, 0) without calling cabi_realloc, where the canonical
 * ABI and the kernel's host ask for zero bytes. A zero-byte allocation holds nothing a guest
 * could read, so such calls are left out of the comparison.
 */
function withoutEmptyStrings(reallocs: string[][]): string[][] {
  return reallocs
    .map((calls) => calls.filter((line) => line !== "cabi_realloc(align=1, size=0)"))
    .sort((a, b) => a.join(";").localeCompare(b.join(";")));
}

describe.each(cases)("conformance: $what", (c) => {
  let own: HostedRun;
  let reference: HostedRun;

  beforeAll(async () => {
    const image = probeImage(c.starts);
    own = await bootHosted(image, buildDir, glues, []);
    reference = await bootHosted(image, buildDir, glues, c.reference);
  });

  test("conformance: both hosts print the same transcript and make the same syscalls", () => {
    expect(own.transcript.split("\n")).toContain(c.expectLine);
    expect(reference.referenceStarts).toBe(c.reference.length);
    expect(own.transcript).toBe(reference.transcript);
    expect(own.syscalls).toEqual(reference.syscalls);
    // Memory sizes are left out: the reference host's processes keep their memory inside
    // jco's glue, where the kernel's memory report cannot see it.
    const withoutMemory = (halt: typeof own.halt) =>
      ({ ...halt, alive: halt.alive.map(({ memoryBytes: _, ...rest }) => rest) });
    expect(withoutMemory(own.halt)).toEqual(withoutMemory(reference.halt));
  });

  test("conformance: both hosts call cabi_realloc in the same order", () => {
    expect(own.reallocs.length).toBeGreaterThan(0);
    expect(withoutEmptyStrings(own.reallocs), reallocOrder)
      .toEqual(withoutEmptyStrings(reference.reallocs));
  });
});
