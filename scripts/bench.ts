// `npm run bench`: the project's speed and memory claims, each printed next to a reference
// measured in the same run. The machines are shared and noisy, so the ratio is the figure we
// hold ourselves to, not the absolute time.
//
// Method: a per-operation cost is the slope between a small and a large run of the same image
// ((T(large) - T(small)) / (large - small)), so boot and instantiation costs cancel out; each
// run is repeated and the fastest kept, as noise only ever adds time. See docs/performance.md.
//
// Usage: npm run bench -- [--quick] [--json <path>] [--only ipc,log,boot,spawn,memory]
//   --quick   tiny sizes: proves every row still runs (the test command does this)
//   --json    where to write the figures (default: bench-results.json)
//   --only    run some row groups (the IPC rows always run: they are others' reference)

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { boot, type BootResult } from "../kernel-emu/boot.ts";
import { loadImageOf } from "../kernel-emu/image.ts";
import { parseManifest } from "../kernel-emu/manifest.ts";
import { bootHosted, ReferenceGlue } from "../kernel-emu/reference-host.ts";
import { floorRoundTrips } from "./bench/floor.ts";
import { build, buildDir, rootDir } from "./build.ts";

interface Sizes {
  repeats: number;
  roundTrips: [number, number];
  /** jco's glue is ~100x slower per call: fewer round trips give the same precision. */
  glueRoundTrips: [number, number];
  appends: [number, number];
  queryRounds: [number, number];
  spawns: [number, number];
  boots: number;
  floodAppends: number;
}

const fullSizes: Sizes = {
  repeats: 5, roundTrips: [20_000, 200_000], glueRoundTrips: [1_000, 10_000],
  appends: [10_000, 100_000], queryRounds: [20, 200],
  spawns: [100, 1_000], boots: 5, floodAppends: 1_000_000,
};
const quickSizes: Sizes = {
  repeats: 1, roundTrips: [100, 1_000], glueRoundTrips: [20, 100], appends: [100, 1_000],
  queryRounds: [1, 3],
  spawns: [5, 20], boots: 1, floodAppends: 2_000,
};

export interface Row {
  figure: string;
  value: number;
  unit: string;
  reference: string;
  referenceValue: number | null;
  ratio: number | null;
  target: string;
  /** True or false when the row has a target to meet; null when it only reports. */
  met: boolean | null;
}

// ---- images -----------------------------------------------------------------------------

function pingImage(rounds: number): object {
  return {
    name: "bench-ipc", start: ["pong", "ping"],
    endpoints: [{ name: "init", server: "init" }, { name: "pong", server: "pong" }],
    programs: [
      { name: "init", memoryPagesMax: 4 },
      { name: "pong", component: "probe", memoryPagesMax: 4, args: ["pong"],
        uses: ["init"] },
      { name: "ping", component: "probe", memoryPagesMax: 4,
        args: ["ping", String(rounds), "64"], uses: ["init", "pong"] },
    ],
  };
}

function logImage(args: string[], extra: string[] = []): object {
  return {
    name: "bench-log", start: ["logd", ...extra, "logprobe"],
    endpoints: [{ name: "init", server: "init" }, { name: "log", server: "logd" },
      { name: "exec", server: "execd" }],
    programs: [
      { name: "init", memoryPagesMax: 4 },
      { name: "logd", memoryPagesMax: 4, uses: ["init"] },
      { name: "execd", memoryPagesMax: 4, uses: ["init", "log"] },
      { name: "logprobe", memoryPagesMax: 4, args, uses: ["init", "log"] },
    ],
  };
}

function spawnImage(count: number): object {
  return {
    name: "bench-spawn", start: ["spawner"],
    endpoints: [{ name: "init", server: "init" }],
    programs: [
      { name: "init", memoryPagesMax: 4 },
      { name: "probe", memoryPagesMax: 2, uses: [] },
      { name: "spawner", component: "probe", memoryPagesMax: 4,
        args: ["spawner", String(count)], uses: ["init"] },
    ],
  };
}

async function bootObject(manifest: object, untilMarker?: string): Promise<BootResult> {
  const parsed = parseManifest(JSON.stringify(manifest), "bench");
  const result = await boot(loadImageOf(parsed, buildDir, "bench"), { seed: 1, untilMarker });
  if (result.halt.reason === "kernel-fault") throw new Error(`bench: ${result.halt.detail}`);
  return result;
}

/** Boots and checks the run did its work: `expect` must appear in the transcript. */
async function timedBoot(manifest: object, expect: string): Promise<number> {
  const result = await bootObject(manifest);
  if (!result.transcript.includes(expect)) {
    const tail = result.transcript.slice(-400);
    throw new Error(`bench: "${expect}" missing; transcript ends:\n${tail}`);
  }
  return result.wallMs;
}

// ---- measuring --------------------------------------------------------------------------

async function fastest(repeats: number, run: () => Promise<number>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) best = Math.min(best, await run());
  return best;
}

/** Milliseconds per operation: the slope between a small and a large run. */
async function perOperation(sizes: Sizes, [small, large]: [number, number],
  run: (n: number) => Promise<number>): Promise<number> {
  const tSmall = await fastest(sizes.repeats, () => run(small));
  const tLarge = await fastest(sizes.repeats, () => run(large));
  // At tiny sizes noise can swamp the difference; the large run's average (which still
  // carries its fixed costs) is then the honest upper bound.
  if (tLarge <= tSmall) return tLarge / large;
  return (tLarge - tSmall) / (large - small);
}

function row(figure: string, value: number, unit: string, reference: string,
  referenceValue: number | null, target: string, ratioMax: number | null): Row {
  const ratio = referenceValue === null || referenceValue === 0 ? null : value / referenceValue;
  const met = ratioMax === null || ratio === null ? null : ratio <= ratioMax;
  return { figure, value, unit, reference, referenceValue, ratio, target, met };
}

async function ipcRows(sizes: Sizes): Promise<Row[]> {
  const floor = await perOperation(sizes, sizes.roundTrips, floorRoundTrips);
  const kernel = await perOperation(sizes, sizes.roundTrips,
    (n) => timedBoot(pingImage(n), `probe: ping done ${n}`));
  const glue = await ReferenceGlue.transpile(
    new Uint8Array(readFileSync(join(buildDir, "components", "probe.wasm"))), "probe");
  const glues = new Map([["probe", glue]]);
  const jco = await perOperation(sizes, sizes.glueRoundTrips, async (n) => {
    const run = await bootHosted(pingImage(n), buildDir, glues, ["ping", "pong"],
      { record: false });
    if (!run.transcript.includes(`probe: ping done ${n}`)) throw new Error("bench: jco ping");
    return run.wallMs;
  });
  return [
    row("ipc round trip, 64 B, kernel", kernel * 1000, "µs", "bare JSPI floor", floor * 1000,
      "≤ 2x floor", 2),
    row("ipc round trip, 64 B, jco glue", jco * 1000, "µs", "kernel round trip",
      kernel * 1000, "report", null),
  ];
}

async function logRows(sizes: Sizes, roundTripUs: number): Promise<Row[]> {
  const append = await perOperation(sizes, sizes.appends, (n) =>
    timedBoot(logImage(["bench", String(n)]), `logprobe: bench logged ${n} of ${n}`));
  const perRound = await perOperation(sizes, sizes.queryRounds, (n) =>
    timedBoot(logImage(["query", String(n)]), "logprobe: query read"));
  const journalRecords = 256;
  const query = perRound / journalRecords;
  return [
    row("log append via nexus-log, acked", append * 1000, "µs/record", "ipc round trip",
      roundTripUs, "≤ 3x round trip", 3),
    row("log appends per second", 1000 / append, "records/s", "", null, "report", null),
    row("query a full journal", query * 1000, "µs/record", "log append", append * 1000,
      "report", null),
  ];
}

async function bootRows(sizes: Sizes): Promise<Row[]> {
  const image = JSON.parse(readFileSync(join(rootDir, "images", "default.json"), "utf8"));
  let wall = Infinity;
  let virtual = 0;
  for (let i = 0; i < sizes.boots; i++) {
    const result = await bootObject(image, "SELFTEST: end");
    if (!result.markerSeen) throw new Error("bench: the boot never reached SELFTEST: end");
    wall = Math.min(wall, result.wallMs);
    virtual = result.halt.nowNs / 1e6;
  }
  const uart = join(mkdtempSync(join(tmpdir(), "nexus-bench-")), "uart.log");
  let coldMs = Infinity;
  const processMs = await fastest(Math.min(sizes.boots, 3), async () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(rootDir, "scripts", "boot.ts"), "--no-build",
      "--until-marker", "SELFTEST: end", "--uart", uart], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`bench: npm run boot failed: ${run.stderr}`);
    // The boot command reports the kernel's own wall time, from kernel start to the marker,
    // in a fresh process: the boot before any JIT warm-up.
    const reported = /after ([\d.]+) ms wall/.exec(run.stderr);
    if (reported !== null) coldMs = Math.min(coldMs, Number(reported[1]));
    return performance.now() - started;
  });
  return [
    row("boot to SELFTEST: end, wall, cold", coldMs, "ms", "target", 50, "< 50 ms", 1),
    row("boot to SELFTEST: end, wall, warm", wall, "ms", "target", 50, "< 50 ms", 1),
    row("boot to SELFTEST: end, virtual", virtual, "ms", "", null, "report", null),
    row("npm run boot process, warm build", processMs, "ms", "cold boot wall", coldMs,
      "report", null),
  ];
}

async function spawnRow(sizes: Sizes, roundTripUs: number): Promise<Row> {
  const spawn = await perOperation(sizes, sizes.spawns, (n) =>
    timedBoot(spawnImage(n), `probe: spawned ${n} of ${n}`));
  return row("spawn + exit + wait", spawn * 1000, "µs", "ipc round trip", roundTripUs,
    "report", null);
}

async function memoryRows(sizes: Sizes): Promise<Row[]> {
  const measure = async (args: string[]) => {
    const result = await bootObject(logImage(args, ["execd"]));
    return new Map(result.halt.alive.map((p) => [p.image, p.memoryBytes]));
  };
  const before = await measure(["levels"]);
  const after = await measure(["flood", String(sizes.floodAppends)]);
  const rows: Row[] = [];
  let totalBefore = 0;
  let totalAfter = 0;
  for (const [image, bytes] of before) {
    const grown = after.get(image) ?? 0;
    totalBefore += bytes;
    totalAfter += grown;
    rows.push(row(`memory ${image} after ${sizes.floodAppends} appends`, grown / 1024, "KiB",
      "before the flood", bytes / 1024, "no growth", 1));
  }
  rows.push(row("memory, all processes", totalAfter / 1024, "KiB", "before the flood",
    totalBefore / 1024, "no growth", 1));
  return rows;
}

// ---- output -------------------------------------------------------------------------------

function format(value: number | null): string {
  if (value === null) return "";
  if (value >= 1000) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

function table(rows: Row[]): string {
  const header = ["figure", "value", "unit", "reference", "ref value", "ratio", "target", "met"];
  const cells = rows.map((r) => [r.figure, format(r.value), r.unit, r.reference,
    format(r.referenceValue), r.ratio === null ? "" : `${r.ratio.toFixed(2)}x`, r.target,
    r.met === null ? "" : r.met ? "yes" : "NO"]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** The row groups, in order; `only` picks some (ipc always runs: others use its figure). */
export const groups = ["ipc", "log", "boot", "spawn", "memory"] as const;

export async function runBench(quick: boolean, only: string[] = [...groups]): Promise<Row[]> {
  const sizes = quick ? quickSizes : fullSizes;
  await build({ quiet: true });
  const ipc = await ipcRows(sizes);
  const roundTripUs = ipc[0].value;
  const rows = [...ipc];
  if (only.includes("log")) rows.push(...await logRows(sizes, roundTripUs));
  if (only.includes("boot")) rows.push(...await bootRows(sizes));
  if (only.includes("spawn")) rows.push(await spawnRow(sizes, roundTripUs));
  if (only.includes("memory")) rows.push(...await memoryRows(sizes));
  return rows;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { values } = parseArgs({ options: {
    quick: { type: "boolean", default: false },
    json: { type: "string", default: "bench-results.json" },
    only: { type: "string", default: groups.join(",") },
    help: { type: "boolean", default: false },
  } });
  if (values.help) {
    process.stdout.write("usage: npm run bench -- [--quick] [--json <path>] " +
      `[--only ${groups.join(",")}]\n`);
    process.exit(0);
  }
  const started = performance.now();
  const only = values.only.split(",");
  const unknown = only.filter((g) => !(groups as readonly string[]).includes(g));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown group(s) ${unknown.join(", ")}; ` +
      `known: ${groups.join(", ")}\n`);
    process.exit(2);
  }
  const rows = await runBench(values.quick, only);
  process.stdout.write(`${table(rows)}\n`);
  const when = new Date().toISOString();
  writeFileSync(values.json, JSON.stringify({ when, quick: values.quick, node: process.version,
    seconds: (performance.now() - started) / 1000, rows }, null, 2));
  process.stdout.write(`bench: ${rows.length} rows in ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s, written to ${values.json}\n`);
}
