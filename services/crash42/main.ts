// crash42: the controlled crash. Logs two records through nexus-log, then exits with 42.
import { info, warn } from "../lib/nexus-log";
export { cabi_realloc } from "../lib/sys";

export function run(argsPtr: usize, argsLen: i32): i32 {
  info("crash42", "starting");
  warn("crash42", "about to exit with code 42");
  return 42;
}
