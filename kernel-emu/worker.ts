// The boot worker: runs one boot off the main thread, so the main thread can always end it
// (a guest that loops without a syscall cannot be preempted, but a worker can be terminated).
// It streams console bytes and spawns to the parent and keeps the running pid in shared memory,
// where the parent reads it even while this thread is stuck in guest code.

import { parentPort, workerData } from "node:worker_threads";
import { boot, type BootOptions } from "./boot.ts";
import { loadImage } from "./image.ts";
import { ManifestError } from "./manifest.ts";

export interface WorkerInput {
  manifestPath: string;
  buildDir: string;
  options: Omit<BootOptions, "console" | "onSwitch" | "onSpawn">;
  /** One Int32: the pid currently holding the CPU. */
  running: SharedArrayBuffer;
}

export type WorkerEvent =
  | { kind: "console"; bytes: Uint8Array }
  | { kind: "spawn"; pid: number; image: string }
  | { kind: "done"; result: Awaited<ReturnType<typeof boot>> }
  | { kind: "error"; message: string; badManifest: boolean };

const input = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error("kernel-emu/worker.ts must run as a worker");
const post = (event: WorkerEvent) => port.postMessage(event);
const running = new Int32Array(input.running);

try {
  const image = loadImage(input.manifestPath, input.buildDir);
  const result = await boot(image, {
    ...input.options,
    console: (bytes) => post({ kind: "console", bytes }),
    onSwitch: (pid) => Atomics.store(running, 0, pid),
    onSpawn: (pid, name) => post({ kind: "spawn", pid, image: name }),
  });
  post({ kind: "done", result: { ...result, transcript: "" } });
} catch (error) {
  const badManifest = error instanceof ManifestError;
  post({ kind: "error", message: (error as Error).message, badManifest });
}
