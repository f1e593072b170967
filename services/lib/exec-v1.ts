// The EXEC v1 wire codec: requests to execd and its responses. Little-endian, allocation-free
// for decoding; shared by execd and every client.
//
// Header (the same shape as LOG v1's, with its own magic):
//
//   0        2        3        4        5        6                 8
//   +--------+--------+--------+--------+--------+-----------------+
//   | magic  |version |   op   | status |reserved|   body bytes    |
//   | "EX"   |   1    |        |        |   0    |      u16        |
//   +--------+--------+--------+--------+--------+-----------------+
//
// SPAWN request body: name (u8 length + bytes), argc u8, then each arg (u8 length + bytes).
// SPAWN response body (status ok): pid u32. A refused spawn carries the kernel's status code
// in the reserved byte, so the client learns why (no-such-image, limit-reached, ...).
// Requests that are truncated, have a bad magic, another version, an unknown op or lengths that
// disagree get an error response with no body, and execd changes nothing.

export const EXEC_MAGIC: u16 = 0x5845;
export const EXEC_VERSION: u8 = 1;
export const EXEC_OP_SPAWN: u8 = 1;
export const EXEC_OP_RESPONSE_BIT: u8 = 0x80;
export const EXEC_HEADER_BYTES: i32 = 8;

export const EXEC_STATUS_OK: u8 = 0;
export const EXEC_STATUS_MALFORMED: u8 = 1;
export const EXEC_STATUS_UNSUPPORTED_VERSION: u8 = 2;
export const EXEC_STATUS_UNSUPPORTED_OP: u8 = 3;
export const EXEC_STATUS_SPAWN_FAILED: u8 = 4;
export const EXEC_STATUS_BUSY: u8 = 5;

/** Arguments one SPAWN may carry, and bytes per name or argument. */
export const EXEC_ARGS_MAX: i32 = 8;
export const EXEC_TEXT_BYTES_MAX: i32 = 64;
export const EXEC_FRAME_BYTES_MAX: i32 =
  EXEC_HEADER_BYTES + 2 + (1 + EXEC_ARGS_MAX) * (1 + EXEC_TEXT_BYTES_MAX);

// The decoded SPAWN request: valid until the next decode.
export let execName: string = "";
export let execArgs: string[] = [];
// The decoded response.
export let execStatus: u8 = 0;
export let execDetail: u8 = 0;
export let execPid: u32 = 0;

function writeHeader(out: usize, op: u8, status: u8, detail: u8, bodyBytes: i32): void {
  store<u16>(out, EXEC_MAGIC);
  store<u8>(out, EXEC_VERSION, 2);
  store<u8>(out, op, 3);
  store<u8>(out, status, 4);
  store<u8>(out, detail, 5);
  store<u16>(out, <u16>bodyBytes, 6);
}

function checkHeader(ptr: usize, len: i32): u8 {
  if (len < EXEC_HEADER_BYTES || load<u16>(ptr) != EXEC_MAGIC) return EXEC_STATUS_MALFORMED;
  if (load<u8>(ptr, 2) != EXEC_VERSION) return EXEC_STATUS_UNSUPPORTED_VERSION;
  if (<i32>load<u16>(ptr, 6) != len - EXEC_HEADER_BYTES) return EXEC_STATUS_MALFORMED;
  return EXEC_STATUS_OK;
}

/** Encodes a SPAWN request into `out` (at least EXEC_FRAME_BYTES_MAX); returns its length. */
export function execEncodeSpawn(out: usize, name: string, args: string[]): i32 {
  if (args.length > EXEC_ARGS_MAX) return -1;
  let at = out + EXEC_HEADER_BYTES;
  at = putText(at, name);
  if (at == 0) return -1;
  store<u8>(at, <u8>args.length);
  at++;
  for (let i = 0; i < args.length; i++) {
    at = putText(at, args[i]);
    if (at == 0) return -1;
  }
  const bodyBytes = <i32>(at - out) - EXEC_HEADER_BYTES;
  writeHeader(out, EXEC_OP_SPAWN, 0, 0, bodyBytes);
  return EXEC_HEADER_BYTES + bodyBytes;
}

function putText(at: usize, text: string): usize {
  const bytes = String.UTF8.encode(text);
  if (bytes.byteLength > EXEC_TEXT_BYTES_MAX) return 0;
  store<u8>(at, <u8>bytes.byteLength);
  memory.copy(at + 1, changetype<usize>(bytes), bytes.byteLength);
  return at + 1 + bytes.byteLength;
}

/** Decodes a request; on EXEC_STATUS_OK the SPAWN is in execName / execArgs. */
export function execDecodeRequest(ptr: usize, len: i32): u8 {
  const header = checkHeader(ptr, len);
  if (header != EXEC_STATUS_OK) return header;
  if (load<u8>(ptr, 3) != EXEC_OP_SPAWN) return EXEC_STATUS_UNSUPPORTED_OP;
  if (load<u8>(ptr, 4) != 0 || load<u8>(ptr, 5) != 0) return EXEC_STATUS_MALFORMED;
  const end = ptr + len;
  let at = ptr + EXEC_HEADER_BYTES;
  if (at >= end) return EXEC_STATUS_MALFORMED;
  const nameBytes = <i32>load<u8>(at);
  if (nameBytes == 0 || nameBytes > EXEC_TEXT_BYTES_MAX || at + 1 + nameBytes >= end) {
    return EXEC_STATUS_MALFORMED;
  }
  execName = String.UTF8.decodeUnsafe(at + 1, nameBytes);
  at += 1 + nameBytes;
  const argc = <i32>load<u8>(at);
  at++;
  if (argc > EXEC_ARGS_MAX) return EXEC_STATUS_MALFORMED;
  const args = new Array<string>(0);
  for (let i = 0; i < argc; i++) {
    if (at >= end) return EXEC_STATUS_MALFORMED;
    const argBytes = <i32>load<u8>(at);
    if (argBytes > EXEC_TEXT_BYTES_MAX || at + 1 + argBytes > end) return EXEC_STATUS_MALFORMED;
    args.push(String.UTF8.decodeUnsafe(at + 1, argBytes));
    at += 1 + argBytes;
  }
  if (at != end) return EXEC_STATUS_MALFORMED;
  execArgs = args;
  return EXEC_STATUS_OK;
}

/** Encodes a SPAWN response; `detail` is the kernel status when the spawn failed. */
export function execEncodeResponse(out: usize, status: u8, detail: u8, pid: u32): i32 {
  const bodyBytes = status == EXEC_STATUS_OK ? 4 : 0;
  writeHeader(out, EXEC_OP_SPAWN | EXEC_OP_RESPONSE_BIT, status, detail, bodyBytes);
  if (bodyBytes > 0) store<u32>(out, pid, EXEC_HEADER_BYTES);
  return EXEC_HEADER_BYTES + bodyBytes;
}

/** Decodes a response into execStatus / execDetail / execPid. */
export function execDecodeResponse(ptr: usize, len: i32): u8 {
  const header = checkHeader(ptr, len);
  if (header != EXEC_STATUS_OK) return header;
  if (load<u8>(ptr, 3) != (EXEC_OP_SPAWN | EXEC_OP_RESPONSE_BIT)) return EXEC_STATUS_MALFORMED;
  execStatus = load<u8>(ptr, 4);
  execDetail = load<u8>(ptr, 5);
  const expected = execStatus == EXEC_STATUS_OK ? 4 : 0;
  if (len != EXEC_HEADER_BYTES + expected) return EXEC_STATUS_MALFORMED;
  execPid = expected > 0 ? load<u32>(ptr, EXEC_HEADER_BYTES) : 0;
  return EXEC_STATUS_OK;
}
