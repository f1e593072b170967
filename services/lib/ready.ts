// The readiness notice a service sends to init once it serves: the whole message is the four
// bytes "RDY1". The kernel stamps the sender, so init knows which service it came from.
// Programs started by init that serve nothing send it when their work begins.

import { open, send } from "./sys";

export const READY_NOTICE_BYTES: i32 = 4;
const readyNotice = memory.data<u8>([0x52, 0x44, 0x59, 0x31]);

/** True when `ptr`/`len` hold a readiness notice. */
export function isReadyNotice(ptr: usize, len: i32): bool {
  return len == READY_NOTICE_BYTES && load<u32>(ptr) == load<u32>(readyNotice);
}

/** Tells init this program is up. Returns 0 or a negative status (no init endpoint granted). */
export function notifyReady(): i32 {
  const handle = open("init");
  if (handle < 0) return handle;
  return send(handle as u32, readyNotice, READY_NOTICE_BYTES);
}
