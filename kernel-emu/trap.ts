// Trap containment: turns what a trapping guest threw into an exit status for its parent, with
// the trap's reason and a symbolized wasm backtrace (names come from the module's name section).

import { backtraceFrameBytesMax, backtraceFramesMax, trapReasonBytesMax } from "./limits.ts";

import type { ExitStatus } from "./sys-types.ts";

// An exit status's backtrace lists wasm frames, innermost first: `function@0xoffset`.
export type { ExitStatus };

/** The exit code a trapped process reports. */
export const trapExitCode = -1;

/** A guest broke the ABI (for example passed a pointer past its memory): fault it. */
export class GuestFault extends Error {}

// V8 prints wasm frames as `at name (wasm://wasm/<hash>:wasm-function[<index>]:0x<offset>)`,
// or without the name and parentheses when the module has no name for the function.
const wasmFrame = /at (?:(\S+) \()?wasm:\/\/wasm\/[^:]*:wasm-function\[(\d+)\]:(0x[0-9a-f]+)/;

export function trapStatus(error: unknown): ExitStatus {
  return {
    code: trapExitCode,
    trapped: true,
    trapReason: clip(trapReason(error), trapReasonBytesMax),
    backtrace: backtrace(error),
  };
}

function trapReason(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return "stack overflow";
  if (error instanceof Error) return error.message;
  return String(error);
}

function backtrace(error: unknown): string[] {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const frames: string[] = [];
  for (const line of stack.split("\n")) {
    const match = wasmFrame.exec(line);
    if (match === null) continue;
    const name = match[1] ?? `wasm-function[${match[2]}]`;
    frames.push(clip(`${name}@${match[3]}`, backtraceFrameBytesMax));
    if (frames.length === backtraceFramesMax) break;
  }
  return frames;
}

/** Cuts a string to at most `bytesMax` UTF-8 bytes without splitting a character. */
export function clip(text: string, bytesMax: number): string {
  if (Buffer.byteLength(text) <= bytesMax) return text;
  let cut = text.slice(0, bytesMax);
  while (Buffer.byteLength(cut) > bytesMax) cut = cut.slice(0, -1);
  return cut;
}
