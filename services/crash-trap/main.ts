// crash-trap: the controlled trap. Logs one record through nexus-log, then hits `unreachable`.
import { info } from "../lib/nexus-log";
export { cabi_realloc } from "../lib/sys";

export function run(argsPtr: usize, argsLen: i32): i32 {
  info("crash-trap", "about to trap");
  unreachable();
  return 0;
}
