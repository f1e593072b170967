// nexus-log: the one logging API for programs. (Bootstrap version: markers only; the logd
// sink arrives with the journal.)

import { consoleWrite } from "./sys";

/** Writes `text` as one exact console line: a marker a boot test can look for. */
export function marker(text: string): void {
  const bytes = String.UTF8.encode(text + "\n");
  consoleWrite(changetype<usize>(bytes), bytes.byteLength);
}
