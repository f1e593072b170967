// The EXEC v1 wire codec: requests to execd and its responses, little-endian. Shared by execd
// and every client; docs/protocols/exec-v1.md is the normative description.
//
// Header (the same shape as LOG v1's, with its own magic):
//
//   0        2        3        4        5        6                 8
//   +--------+--------+--------+--------+--------+-----------------+
//   | magic  |version |   op   | status | detail |   body bytes    |
//   | "EX"   |   1    |        |        |        |      u16        |
//   +--------+--------+--------+--------+--------+-----------------+
//
// status and detail are 0 in requests. A response's op is the request's op | 0x80.
//
// SPAWN (op 1) request body: name (u8 length + bytes), argc u8, each arg (u8 length + bytes).
// SPAWN response body (status ok): pid u32. A refused spawn carries the kernel's status code in
// `detail`, so the client learns why (no-such-image, limit-reached, ...).
//
// STATUS (op 2) request body: pid u32. Response body (status ok):
//
//   0        1        2                 4                 8                12
//   +--------+--------+-----------------+-----------------+-----------------+
//   | state  |trapped |    reserved     |    exit code    |  crash reports  |
//   |   u8   |   u8   |       u16       |       i32       |       u32       |
//   +--------+--------+-----------------+-----------------+-----------------+
//
// state: 0 unknown (never spawned by execd, or forgotten), 1 running, 2 exited.
//
// Requests that are truncated, have a bad magic, another version, an unknown op or lengths that
// disagree get an error response with no body, and execd changes nothing.

export const EXEC_MAGIC: u16 = 0x5845;
export const EXEC_VERSION: u8 = 1;
export const EXEC_OP_SPAWN: u8 = 1;
export const EXEC_OP_STATUS: u8 = 2;
export const EXEC_OP_RESPONSE_BIT: u8 = 0x80;
export const EXEC_HEADER_BYTES: i32 = 8;
export const EXEC_STATUS_BODY_BYTES: i32 = 12;

export const EXEC_STATUS_OK: u8 = 0;
export const EXEC_STATUS_MALFORMED: u8 = 1;
export const EXEC_STATUS_UNSUPPORTED_VERSION: u8 = 2;
export const EXEC_STATUS_UNSUPPORTED_OP: u8 = 3;
export const EXEC_STATUS_SPAWN_FAILED: u8 = 4;
export const EXEC_STATUS_BUSY: u8 = 5;

export const EXEC_STATE_UNKNOWN: u8 = 0;
export const EXEC_STATE_RUNNING: u8 = 1;
export const EXEC_STATE_EXITED: u8 = 2;

/** Arguments one SPAWN may carry, and bytes per name or argument. */
export const EXEC_ARGS_MAX: i32 = 8;
export const EXEC_TEXT_BYTES_MAX: i32 = 64;
export const EXEC_FRAME_BYTES_MAX: i32 =
  EXEC_HEADER_BYTES + 2 + (1 + EXEC_ARGS_MAX) * (1 + EXEC_TEXT_BYTES_MAX);

// The decoded request: valid until the next decode.
export let execRequestOp: u8 = 0;
export let execName: string = "";
export let execArgs: string[] = [];
export let execStatusPid: u32 = 0;
// The decoded response.
export let execStatus: u8 = 0;
export let execDetail: u8 = 0;
export let execPid: u32 = 0;
export let execState: u8 = 0;
export let execTrapped: bool = false;
export let execCode: i32 = 0;
export let execReports: u32 = 0;

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

// ---- requests -----------------------------------------------------------------------------

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

/** Encodes a STATUS request for `pid` into `out`; returns its length. */
export function execEncodeStatus(out: usize, pid: u32): i32 {
  writeHeader(out, EXEC_OP_STATUS, 0, 0, 4);
  store<u32>(out, pid, EXEC_HEADER_BYTES);
  return EXEC_HEADER_BYTES + 4;
}

function putText(at: usize, text: string): usize {
  const bytes = String.UTF8.encode(text);
  if (bytes.byteLength > EXEC_TEXT_BYTES_MAX) return 0;
  store<u8>(at, <u8>bytes.byteLength);
  memory.copy(at + 1, changetype<usize>(bytes), bytes.byteLength);
  return at + 1 + bytes.byteLength;
}

/**
 * Decodes a request. On EXEC_STATUS_OK, execRequestOp says which: a SPAWN is in execName /
 * execArgs, a STATUS in execStatusPid. execRequestOp is set whenever the frame names an op.
 */
export function execDecodeRequest(ptr: usize, len: i32): u8 {
  execRequestOp = len > 3 ? load<u8>(ptr, 3) : 0;
  const header = checkHeader(ptr, len);
  if (header != EXEC_STATUS_OK) return header;
  if (load<u8>(ptr, 4) != 0 || load<u8>(ptr, 5) != 0) return EXEC_STATUS_MALFORMED;
  if (execRequestOp == EXEC_OP_SPAWN) return decodeSpawn(ptr, len);
  if (execRequestOp != EXEC_OP_STATUS) return EXEC_STATUS_UNSUPPORTED_OP;
  if (len != EXEC_HEADER_BYTES + 4) return EXEC_STATUS_MALFORMED;
  execStatusPid = load<u32>(ptr, EXEC_HEADER_BYTES);
  return EXEC_STATUS_OK;
}

function decodeSpawn(ptr: usize, len: i32): u8 {
  const end = ptr + len;
  let at = ptr + EXEC_HEADER_BYTES;
  if (at >= end) return EXEC_STATUS_MALFORMED;
  const nameBytes = <i32>load<u8>(at);
  if (nameBytes == 0 || nameBytes > EXEC_TEXT_BYTES_MAX || at + 1 + nameBytes >= end) {
    return EXEC_STATUS_MALFORMED;
  }
  const name = String.UTF8.decodeUnsafe(at + 1, nameBytes);
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
  execName = name;
  execArgs = args;
  return EXEC_STATUS_OK;
}

// ---- responses ----------------------------------------------------------------------------

/** Encodes a body-less response: an error, or a refused SPAWN with the kernel's `detail`. */
export function execEncodeError(out: usize, requestOp: u8, status: u8, detail: u8): i32 {
  writeHeader(out, requestOp | EXEC_OP_RESPONSE_BIT, status, detail, 0);
  return EXEC_HEADER_BYTES;
}

/** Encodes a successful SPAWN response. */
export function execEncodeSpawned(out: usize, pid: u32): i32 {
  writeHeader(out, EXEC_OP_SPAWN | EXEC_OP_RESPONSE_BIT, EXEC_STATUS_OK, 0, 4);
  store<u32>(out, pid, EXEC_HEADER_BYTES);
  return EXEC_HEADER_BYTES + 4;
}

/** Encodes a successful STATUS response. */
export function execEncodeState(
  out: usize, state: u8, trapped: bool, code: i32, reports: u32,
): i32 {
  writeHeader(out, EXEC_OP_STATUS | EXEC_OP_RESPONSE_BIT, EXEC_STATUS_OK, 0,
    EXEC_STATUS_BODY_BYTES);
  const body = out + EXEC_HEADER_BYTES;
  store<u8>(body, state);
  store<u8>(body, trapped ? 1 : 0, 1);
  store<u16>(body, 0, 2);
  store<i32>(body, code, 4);
  store<u32>(body, reports, 8);
  return EXEC_HEADER_BYTES + EXEC_STATUS_BODY_BYTES;
}

/** Decodes a response into execStatus / execDetail and the op's fields. */
export function execDecodeResponse(ptr: usize, len: i32): u8 {
  const header = checkHeader(ptr, len);
  if (header != EXEC_STATUS_OK) return header;
  const op = load<u8>(ptr, 3);
  if ((op & EXEC_OP_RESPONSE_BIT) == 0) return EXEC_STATUS_MALFORMED;
  execStatus = load<u8>(ptr, 4);
  execDetail = load<u8>(ptr, 5);
  if (execStatus != EXEC_STATUS_OK) {
    return len == EXEC_HEADER_BYTES ? EXEC_STATUS_OK : EXEC_STATUS_MALFORMED;
  }
  const body = ptr + EXEC_HEADER_BYTES;
  if (op == (EXEC_OP_SPAWN | EXEC_OP_RESPONSE_BIT) && len == EXEC_HEADER_BYTES + 4) {
    execPid = load<u32>(body);
    return EXEC_STATUS_OK;
  }
  if (op != (EXEC_OP_STATUS | EXEC_OP_RESPONSE_BIT)) return EXEC_STATUS_MALFORMED;
  if (len != EXEC_HEADER_BYTES + EXEC_STATUS_BODY_BYTES) return EXEC_STATUS_MALFORMED;
  execState = load<u8>(body);
  execTrapped = load<u8>(body, 1) != 0;
  execCode = load<i32>(body, 4);
  execReports = load<u32>(body, 8);
  return EXEC_STATUS_OK;
}
