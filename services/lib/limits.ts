// Service-side limits: every bound a service relies on, in one place.
//
// Owns: the named caps of the LOG v1 protocol, the logd journal and its console mirror, and a
// mirror of the kernel's message cap. Each name carries its qualifier and unit last.
// Does not: describe frame layouts (log-v1.ts owns those and the sizes they imply) or check
// relations between limits (`limitsCheck` below does, once, when a module starts).
// Not yet: the syscall limits (handle table, argument list) join this file with the bindings.

// The kernel refuses any message longer than this. Mirrored here because a service cannot
// import kernel code, so it must be kept equal to the kernel's own messageBytesMax.
export const messageBytesMax: i32 = 4096;

// One LOG record's variable parts. Scope and fields are ASCII by rule, message is UTF-8.
export const logScopeBytesMax: i32 = 64;
export const logMessageBytesMax: i32 = 256;
export const logFieldsBytesMax: i32 = 512;

// One QUERY page holds at most this many records, whatever the client asks for.
export const logQueryRecordsMax: i32 = 128;

// The journal ring is reserved statically at these hard maxima; `journalInit` may lower the
// capacity at run time, never raise it.
export const journalRecordsMax: i32 = 1024;
export const journalBytesMax: i32 = 64 * 1024;

// Capacity when the manifest gives none: the reference system's 256 records / 64 KiB.
export const journalRecordsDefault: i32 = 256;
export const journalBytesDefault: i32 = 64 * 1024;

// The smallest capacity `journalInit` accepts: one record slot.
export const journalRecordsMin: i32 = 1;

// One console-mirror JSON line, newline included, is never longer than this.
export const mirrorLineBytesMax: i32 = 1024;

// Relations the code depends on; a false one stops the module at start (a build bug).
export function limitsCheck(): void {
  assert(logScopeBytesMax <= 255, "scope length fits the u8 charset rules");
  assert(logMessageBytesMax <= 0xffff && logFieldsBytesMax <= 0xffff, "u16 length prefixes");
  assert(logQueryRecordsMax <= 0xffff, "QUERY count is a u16");
  assert(journalRecordsMin <= journalRecordsDefault, "default records above the minimum");
  assert(journalRecordsDefault <= journalRecordsMax, "default records within the hard max");
  assert(journalBytesDefault <= journalBytesMax, "default bytes within the hard max");
}
