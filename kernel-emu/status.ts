// Syscall statuses: the closed set of `enum status` in wit/nexus-os.wit, in the same order,
// so a status's index here is its canonical-ABI discriminant. The list is checked against the
// generated WIT types both ways: no name it lacks, none it does not have.

import type { Status } from "./sys-types.ts";

export const statusNames = [
  "bad-handle",
  "access-denied",
  "queue-full",
  "message-too-large",
  "no-server",
  "not-a-child",
  "no-such-image",
  "limit-reached",
  "invalid-argument",
] as const satisfies readonly Status[];

export type StatusName = (typeof statusNames)[number];

// Fails to compile when the WIT gains a status this list lacks.
const everyStatusListed: Exclude<Status, StatusName> extends never ? true : never = true;
void everyStatusListed;

/** A syscall's expected failure: carried as a value, never thrown. */
export class SysError {
  readonly status: StatusName;
  constructor(status: StatusName) {
    this.status = status;
  }
  get code(): number {
    return statusNames.indexOf(this.status);
  }
}

export function fail(status: StatusName): SysError {
  return new SysError(status);
}
