// Injected faults: deterministic ways to break a boot on purpose, so tests and the simulator
// can check that the system degrades honestly (clients fall back and count, supervisors
// report, the kernel never faults). A fault is named by a small spec string:
//
//   kill:<program>@<n>   the first instance of the program to make n syscalls is killed there
//   trap:<program>@<n>   the same, but it traps as if it hit `unreachable`
//   drop:<n>             the n-th one-way message (a send, or an exit notice) is lost; the
//                        sender was told it was accepted
//
// Each fault fires once: a supervisor that restarts a killed program gets a healthy one.
// Calls are never dropped: with no timeouts on blocking calls, a lost request would hang its
// caller for ever, which no protocol here is designed to survive.

export type Fault =
  | { kind: "kill" | "trap"; program: string; atSyscall: number }
  | { kind: "drop"; atMessage: number };

export class FaultSpecError extends Error {}

/** A guest's end forced by an injected fault; it is contained like any trap. */
export class InjectedFault extends Error {}

const programFault = /^(kill|trap):([a-z0-9][a-z0-9_-]*)@([1-9]\d*)$/;
const dropFault = /^drop:([1-9]\d*)$/;

export function parseFault(spec: string): Fault {
  const program = programFault.exec(spec);
  if (program !== null) {
    const kind = program[1] as "kill" | "trap";
    return { kind, program: program[2], atSyscall: Number(program[3]) };
  }
  const drop = dropFault.exec(spec);
  if (drop !== null) return { kind: "drop", atMessage: Number(drop[1]) };
  throw new FaultSpecError(`bad fault "${spec}": expected kill:<program>@<n>, ` +
    "trap:<program>@<n> or drop:<n>");
}

export function faultText(fault: Fault): string {
  if (fault.kind === "drop") return `drop:${fault.atMessage}`;
  return `${fault.kind}:${fault.program}@${fault.atSyscall}`;
}

/** The reason a faulted process's parent sees. */
export function injectedReason(fault: Fault): string {
  return fault.kind === "kill" ? "killed by an injected fault" : "unreachable (injected)";
}
