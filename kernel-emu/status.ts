// Syscall statuses: the closed set of `enum status` in wit/nexus-os.wit, in the same order,
// so a status's index here is its canonical-ABI discriminant.

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
] as const;

export type StatusName = (typeof statusNames)[number];

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
