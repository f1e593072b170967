// Kernel limits: every bound the kernel enforces, in one place, with its unit last.
//
// Relations between them are asserted once, in `assertLimits`, when a kernel is created.

/** Live processes (including zombies not yet reaped). */
export const processesMax = 64;
/**
 * Children one process may have at once, running or exited and not yet reaped: one program
 * that spawns and never waits cannot fill the process table for the others.
 */
export const childrenPerProcessMax = 16;
/** Entries in one process's handle table. */
export const handlesPerProcessMax = 16;
/** Messages an endpoint queue holds when the manifest does not say. */
export const endpointQueueDepthDefault = 8;
/** The deepest queue a manifest may ask for. */
export const endpointQueueDepthMax = 64;
/** The largest message (and reply) the kernel carries. */
export const messageBytesMax = 4096;
/** The most bytes one console-write may carry; longer writes are cut and marked. */
export const consoleWriteBytesMax = 4096;
/** Arguments per spawn, and bytes per argument, image name and handle name. */
export const spawnArgsMax = 16;
export const argBytesMax = 256;
export const nameBytesMax = 64;
/** Trap report bounds kept for a supervisor. */
export const backtraceFramesMax = 8;
export const backtraceFrameBytesMax = 96;
export const trapReasonBytesMax = 96;
/** The guest's ABI window (services/lib/sys.ts ABI_WINDOW_BYTES): results must fit in it. */
export const guestAbiWindowBytes = 12 * 1024;
/** The largest memory (in 64 KiB pages) a manifest may give a program. */
export const memoryPagesMax = 256;

/** Virtual time that one syscall costs, and one context switch. */
export const syscallCostNs = 1_000;
export const contextSwitchCostNs = 5_000;
/** The granularity of a coarse clock when the option is given without a value. */
export const clockCoarseNsDefault = 1_000_000;

/** How long `npm run boot` waits before it gives up. */
export const bootTimeoutMsDefault = 10_000;

export function assertLimits(): void {
  const waitResultBytes = trapReasonBytesMax + backtraceFramesMax * (8 + backtraceFrameBytesMax);
  assert(messageBytesMax + 16 <= guestAbiWindowBytes, "a message must fit the guest ABI window");
  assert(waitResultBytes + 16 <= guestAbiWindowBytes, "a wait result must fit the ABI window");
  assert(spawnArgsMax * (argBytesMax + 8) <= guestAbiWindowBytes, "run() args must fit too");
  assert(endpointQueueDepthDefault <= endpointQueueDepthMax, "default queue depth within max");
  assert(handlesPerProcessMax > 0 && processesMax > 1, "room for init and one service");
  assert(childrenPerProcessMax * 2 < processesMax, "one hoarding parent leaves room for others");
}

function assert(ok: boolean, what: string): void {
  if (!ok) throw new Error(`kernel limits: ${what}`);
}
