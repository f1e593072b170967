// `npm run sim`: boots an image under a range of scheduler seeds and checks invariants after
// every boot. The scheduler is deterministic, so any failing seed replays exactly; each failure
// is printed with the command that replays it.
//
// Invariants after each boot (no faults injected):
//   - the kernel did not fault, and the boot reached `SELFTEST: end`;
//   - every marker of tests/contract/markers.txt appeared and no line says FAIL (this takes in
//     logd's counters: the selftest's `counters ok` means appended = kept + dropped, with its
//     refused frames counted as rejected);
//   - for every k-th seed, a second boot prints a byte-identical transcript.
// With injected faults (--fault, or --random-faults for one fault derived from each seed), a
// boot is expected to degrade, so the invariants are the ones that must survive any fault:
//   - the kernel did not fault and the boot ended (SELFTEST: end, or every process blocked or
//     gone: killing init early leaves nothing running, which is an honest end);
//   - no check printed both its ok marker and a FAIL line.
//
// Boots run in this thread for speed: a program that spins without syscalls would hang the
// sweep (`npm run boot` runs a boot in a worker with a timeout for that case).
//
// Usage: npm run sim -- --seeds <from>..<to> [options]   (see --help)

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { boot, type BootResult } from "../kernel-emu/boot.ts";
import { type Fault, faultText, parseFault } from "../kernel-emu/faults.ts";
import { loadImage, type LoadedImage } from "../kernel-emu/image.ts";
import { clockCoarseNsDefault } from "../kernel-emu/limits.ts";
import { Prng } from "../kernel-emu/prng.ts";
import { build, buildDir, rootDir } from "./build.ts";

const usage = `usage: npm run sim -- --seeds <from>..<to> [options]

Boots an image once per seed and checks the marker contract, the journal's counters and
determinism after each boot. A failing seed is printed with the command that replays it.

  --seeds <a>..<b>       the seed range, inclusive (required)
  --shard <i>/<n>        run only every n-th seed starting at the i-th (0-based), so n machines
                         can split one range
  --preempt              make every syscall a possible preemption point
  --coarse-clock [ns]    round the clock down (default ${clockCoarseNsDefault} ns)
  --replay-every <k>     boot every k-th seed twice and compare transcripts (default 10; 0: never)
  --fault <spec>         inject a fault in every boot, repeatable (see npm run boot -- --help)
  --random-faults        inject one fault per boot, derived from its seed
  --image <path>         image manifest (default: images/default.json)
  --quiet                print only failures and the summary
  --help                 show this text
`;

export interface SimOptions {
  seeds: number[];
  preempt: boolean;
  clockCoarseNs: number;
  replayEvery: number;
  faults: Fault[];
  randomFaults: boolean;
  manifestPath: string;
}

export interface SeedResult {
  seed: number;
  faults: Fault[];
  failures: string[];
  replayed: boolean;
  wallMs: number;
}

const endMarker = "SELFTEST: end";

/** The contract's markers as whole-line patterns (`<n>` stands for a number). */
export function contractMarkers(): { text: string; pattern: RegExp }[] {
  const lines = readFileSync(join(rootDir, "tests", "contract", "markers.txt"), "utf8")
    .split("\n").filter((line) => line.trim() !== "");
  return lines.map((text) => {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/<n>/g, "\\d+");
    return { text, pattern: new RegExp(`^${escaped}$`, "m") };
  });
}

/** One fault for a seed, drawn from programs and points that the default boot exercises. */
export function faultForSeed(seed: number): Fault {
  const prng = new Prng(seed ^ 0x5eed);
  const kind = (["kill", "trap", "drop"] as const)[prng.below(3)];
  if (kind === "drop") return { kind, atMessage: 1 + prng.below(12) };
  const programs = ["logd", "execd", "crash42", "selftest-client", "init"];
  return { kind, program: programs[prng.below(programs.length)], atSyscall: 1 + prng.below(80) };
}

function replayCommand(options: SimOptions, seed: number, faults: Fault[]): string {
  const flags = [`--seed ${seed}`];
  if (options.preempt) flags.push("--preempt");
  if (options.clockCoarseNs > 0) flags.push(`--coarse-clock ${options.clockCoarseNs}`);
  for (const fault of faults) flags.push(`--fault ${faultText(fault)}`);
  if (options.manifestPath !== defaultManifest) flags.push(`--image ${options.manifestPath}`);
  return `npm run boot -- ${flags.join(" ")}`;
}

const defaultManifest = join(rootDir, "images", "default.json");

async function bootOnce(image: LoadedImage, options: SimOptions, seed: number,
  faults: Fault[]): Promise<BootResult> {
  return boot(image, {
    seed, preemptEverySyscall: options.preempt, clockCoarseNs: options.clockCoarseNs,
    untilMarker: endMarker, faults,
  });
}

function contractFailures(result: BootResult): string[] {
  const failures: string[] = [];
  if (result.halt.reason === "kernel-fault") failures.push(`kernel fault: ${result.halt.detail}`);
  if (!result.markerSeen) failures.push(`never reached "${endMarker}" (${result.halt.reason})`);
  for (const marker of contractMarkers()) {
    if (!marker.pattern.test(result.transcript)) failures.push(`missing "${marker.text}"`);
  }
  for (const line of result.transcript.split("\n")) {
    if (line.includes("FAIL")) failures.push(`FAIL line: ${line}`);
  }
  return failures;
}

/** What must hold whatever fault was injected. */
function faultFailures(result: BootResult): string[] {
  const failures: string[] = [];
  if (result.halt.reason === "kernel-fault") failures.push(`kernel fault: ${result.halt.detail}`);
  const settled = result.halt.reason === "idle" || result.halt.reason === "all-exited";
  if (!result.markerSeen && !settled) {
    failures.push(`the boot neither finished nor settled (${result.halt.reason})`);
  }
  const lines = result.transcript.split("\n");
  for (const line of lines) {
    const failed = /^SELFTEST: (.+) FAIL /.exec(line);
    if (failed !== null && lines.includes(`SELFTEST: ${failed[1]} ok`)) {
      failures.push(`"${failed[1]}" printed both ok and FAIL`);
    }
  }
  return failures;
}

export async function runSeed(image: LoadedImage, options: SimOptions,
  seed: number): Promise<SeedResult> {
  const faults = options.randomFaults ? [...options.faults, faultForSeed(seed)] : options.faults;
  const result = await bootOnce(image, options, seed, faults);
  const failures = faults.length > 0 ? faultFailures(result) : contractFailures(result);
  const replayed = options.replayEvery > 0 && seed % options.replayEvery === 0;
  if (replayed) {
    const again = await bootOnce(image, options, seed, faults);
    if (again.transcript !== result.transcript) {
      failures.push("a second boot with the same seed printed a different transcript");
    }
  }
  return { seed, faults, failures, replayed, wallMs: result.wallMs };
}

export async function runSim(options: SimOptions,
  report: (line: string) => void): Promise<SeedResult[]> {
  await build({ quiet: true });
  const image = loadImage(options.manifestPath, buildDir);
  const results: SeedResult[] = [];
  for (const seed of options.seeds) {
    const result = await runSeed(image, options, seed);
    results.push(result);
    const faults = result.faults.map(faultText).join(" ");
    if (result.failures.length === 0) {
      report(`sim: seed ${seed} ok${faults ? ` (${faults})` : ""}` +
        `${result.replayed ? ", replayed identically" : ""}`);
      continue;
    }
    for (const failure of result.failures) report(`sim: seed ${seed} FAIL ${failure}`);
    report(`sim: replay with: ${replayCommand(options, seed, result.faults)}`);
  }
  return results;
}

function parseSeeds(range: string, shard: string): number[] {
  const match = /^(\d+)\.\.(\d+)$/.exec(range);
  if (match === null || Number(match[1]) > Number(match[2])) {
    throw new Error(`--seeds: expected <from>..<to> with from <= to, got "${range}"`);
  }
  const shardMatch = /^(\d+)\/(\d+)$/.exec(shard);
  if (shardMatch === null || Number(shardMatch[1]) >= Number(shardMatch[2])) {
    throw new Error(`--shard: expected <i>/<n> with i < n, got "${shard}"`);
  }
  const [index, count] = [Number(shardMatch[1]), Number(shardMatch[2])];
  const seeds: number[] = [];
  for (let seed = Number(match[1]), i = 0; seed <= Number(match[2]); seed++, i++) {
    if (i % count === index) seeds.push(seed);
  }
  return seeds;
}

function parseCli(argv: string[]): SimOptions & { quiet: boolean; shard: string } {
  const coarseAt = argv.indexOf("--coarse-clock");
  if (coarseAt >= 0 && !/^\d+$/.test(argv[coarseAt + 1] ?? "")) {
    argv.splice(coarseAt + 1, 0, String(clockCoarseNsDefault));
  }
  const { values } = parseArgs({ args: argv, options: {
    seeds: { type: "string" },
    shard: { type: "string", default: "0/1" },
    preempt: { type: "boolean", default: false },
    "coarse-clock": { type: "string", default: "0" },
    "replay-every": { type: "string", default: "10" },
    fault: { type: "string", multiple: true, default: [] },
    "random-faults": { type: "boolean", default: false },
    image: { type: "string", default: defaultManifest },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  } });
  if (values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  if (values.seeds === undefined) throw new Error("--seeds is required (e.g. --seeds 1..100)");
  return {
    seeds: parseSeeds(values.seeds, values.shard), shard: values.shard,
    preempt: values.preempt, clockCoarseNs: Number(values["coarse-clock"]),
    replayEvery: Number(values["replay-every"]), faults: values.fault.map(parseFault),
    randomFaults: values["random-faults"], manifestPath: values.image, quiet: values.quiet,
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`sim: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const results = await runSim(options, (line) => {
    if (!options.quiet || line.includes("FAIL") || line.includes("replay with")) {
      process.stdout.write(`${line}\n`);
    }
  });
  const failed = results.filter((r) => r.failures.length > 0).length;
  const replayed = results.filter((r) => r.replayed).length;
  const mode = [options.preempt ? "preempt" : "", options.clockCoarseNs > 0
    ? `coarse clock ${options.clockCoarseNs} ns` : "",
  options.randomFaults ? "random faults" : "", ...options.faults.map(faultText)]
    .filter((m) => m !== "").join(", ") || "default options";
  process.stdout.write(`sim: ${results.length} seeds (shard ${options.shard}, ${mode}): ` +
    `${results.length - failed} passed, ${failed} failed; ${replayed} replayed; ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}
