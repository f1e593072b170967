// `npm run boot`: builds what is stale, boots an image in a worker, streams the console to
// stdout and to uart.log, and exits with a one-line reason when the boot does not end well.
//
// Exit codes: 0 the system halted (or the marker appeared), 1 the marker never appeared,
// 2 timeout, 3 kernel fault, 4 bad manifest, bad flag or build failure.

import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import type { WorkerEvent, WorkerInput } from "../kernel-emu/worker.ts";
import { type Fault, parseFault } from "../kernel-emu/faults.ts";
import { bootTimeoutMsDefault, clockCoarseNsDefault } from "../kernel-emu/limits.ts";
import { build, buildDir, rootDir } from "./build.ts";

const usage = `usage: npm run boot -- [options]

Boots an OS image on the kernel emulator and streams its console (the UART).

  --image <path>         image manifest (default: images/default.json)
  --seed <n>             scheduler seed; same image and seed, same transcript (default: 1)
  --until-marker <text>  stop with success as soon as a console line contains <text>
  --timeout <time>       give up after this long, e.g. 500ms, 10s, 2m (default: ${
  bootTimeoutMsDefault / 1000}s)
  --preempt              make every syscall a possible preemption point
  --coarse-clock [ns]    round the clock down to this granularity (default ${
  clockCoarseNsDefault} ns)
  --fault <spec>         inject a fault, repeatable: kill:<program>@<n>, trap:<program>@<n>
                         (at its n-th syscall) or drop:<n> (the n-th one-way message)
  --uart <path>          where to write the console transcript (default: uart.log)
  --no-build             boot what is in build/ without rebuilding
  --help                 show this text
`;

interface Cli {
  manifestPath: string;
  seed: number;
  untilMarker?: string;
  timeoutMs: number;
  preempt: boolean;
  clockCoarseNs: number;
  uartPath: string;
  build: boolean;
  faults: Fault[];
}

function fatal(code: number, message: string): never {
  process.stderr.write(`boot: ${message}\n`);
  process.exit(code);
}

export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (match === null) throw new Error(`bad duration "${text}" (try 500ms, 10s or 2m)`);
  const scale = { ms: 1, s: 1000, m: 60_000 }[match[2] ?? "s"] as number;
  return Math.round(Number(match[1]) * scale);
}

function parseCli(argv: string[]): Cli {
  const coarseAt = argv.indexOf("--coarse-clock");
  if (coarseAt >= 0 && !/^\d+$/.test(argv[coarseAt + 1] ?? "")) {
    argv = [...argv.slice(0, coarseAt + 1), String(clockCoarseNsDefault),
      ...argv.slice(coarseAt + 1)];
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      image: { type: "string", default: join(rootDir, "images", "default.json") },
      seed: { type: "string", default: "1" },
      "until-marker": { type: "string" },
      timeout: { type: "string", default: `${bootTimeoutMsDefault}ms` },
      preempt: { type: "boolean", default: false },
      "coarse-clock": { type: "string", default: "0" },
      uart: { type: "string", default: "uart.log" },
      fault: { type: "string", multiple: true, default: [] },
      "no-build": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  if (!/^\d+$/.test(values.seed)) {
    throw new Error(`--seed: expected an integer, got "${values.seed}"`);
  }
  return {
    manifestPath: values.image, seed: Number(values.seed), untilMarker: values["until-marker"],
    timeoutMs: parseDuration(values.timeout), preempt: values.preempt,
    clockCoarseNs: Number(values["coarse-clock"]), uartPath: values.uart,
    build: !values["no-build"], faults: values.fault.map(parseFault),
  };
}

function runWorker(cli: Cli): void {
  const uart = openSync(cli.uartPath, "w");
  const running = new SharedArrayBuffer(4);
  const names = new Map<number, string>();
  const input: WorkerInput = {
    manifestPath: cli.manifestPath, buildDir, running,
    options: {
      seed: cli.seed, untilMarker: cli.untilMarker, preemptEverySyscall: cli.preempt,
      clockCoarseNs: cli.clockCoarseNs, faults: cli.faults,
    },
  };
  const worker = new Worker(new URL("../kernel-emu/worker.ts", import.meta.url), {
    workerData: input,
  });
  const finish = (code: number, message?: string) => {
    clearTimeout(timer);
    closeSync(uart);
    void worker.terminate();
    if (message !== undefined) process.stderr.write(`boot: ${message}\n`);
    process.exitCode = code;
  };
  const timer = setTimeout(() => {
    const pid = Atomics.load(new Int32Array(running), 0);
    finish(2, `timeout after ${cli.timeoutMs} ms; running: pid ${pid} (${names.get(pid) ?? "?"})`);
  }, cli.timeoutMs);
  worker.on("message", (event: WorkerEvent) => {
    if (event.kind === "console") {
      process.stdout.write(event.bytes);
      writeSync(uart, event.bytes);
    } else if (event.kind === "spawn") {
      names.set(event.pid, event.image);
    } else if (event.kind === "error") {
      finish(event.badManifest ? 4 : 3, event.message);
    } else {
      const { halt, markerSeen, wallMs } = event.result;
      const summary = `${halt.reason} after ${wallMs.toFixed(1)} ms wall, ` +
        `${(halt.nowNs / 1e6).toFixed(3)} ms virtual`;
      if (halt.reason === "kernel-fault") finish(3, `kernel fault: ${halt.detail}`);
      else if (cli.untilMarker !== undefined && !markerSeen) {
        finish(1, `marker "${cli.untilMarker}" not seen; system ${summary}`);
      } else finish(0, `system ${summary}`);
    }
  });
  worker.on("error", (error) => finish(3, `kernel fault: ${error.message}`));
}

try {
  const cli = parseCli(process.argv.slice(2));
  if (cli.build) await build({ quiet: true });
  runWorker(cli);
} catch (error) {
  fatal(4, (error as Error).message);
}
