// Booting an image in this thread: wires the kernel to the abi host and the console, and
// returns when the system halts or a marker line was seen. The `npm run boot` command runs
// this inside a worker (kernel-emu/worker.ts) so a guest that spins can be cut off.

import { instantiateProgram } from "./abi-host.ts";
import type { LoadedImage } from "./image.ts";
import { type Halt, Kernel, type KernelOptions } from "./kernel.ts";

export interface BootOptions extends Omit<KernelOptions, "console"> {
  /** Stop as soon as a console line containing this text appears. */
  untilMarker?: string;
  /** Receives console bytes as they are written. */
  console?: (bytes: Uint8Array) => void;
}

export interface BootResult {
  halt: Halt;
  /** Everything written to the console. */
  transcript: string;
  markerSeen: boolean;
  wallMs: number;
}

export async function boot(image: LoadedImage, options: BootOptions): Promise<BootResult> {
  const decoder = new TextDecoder();
  let transcript = "";
  let markerSeen = false;
  let kernel: Kernel | null = null;
  const console = (bytes: Uint8Array) => {
    options.console?.(bytes);
    const text = decoder.decode(bytes, { stream: true });
    const lineStart = transcript.lastIndexOf("\n") + 1;
    transcript += text;
    const marker = options.untilMarker;
    if (marker !== undefined && !markerSeen && transcript.indexOf(marker, lineStart) >= 0) {
      markerSeen = true;
      kernel?.stop();
    }
  };
  const loader = {
    instantiate: (p: Parameters<typeof instantiateProgram>[1], spec: { name: string }) =>
      instantiateProgram(kernel as Kernel, p, image.modules.get(spec.name) as WebAssembly.Module),
  };
  kernel = new Kernel(image.manifest, loader, { ...options, console });
  const started = performance.now();
  const halt = await kernel.run();
  return { halt, transcript, markerSeen, wallMs: performance.now() - started };
}
