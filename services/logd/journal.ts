// The logd journal: a bounded ring of log records in static linear memory.
//
// Owns: the record ring, record ids, timestamp forcing, drop-oldest eviction and the
// appended / dropped / rejected counters; answers QUERY and STATS from them.
// Does not: decode frames or check content (logd decodes with the LOG v1 codec and only
// hands valid appends over), learn sender identity (logd passes the kernel-stamped pid), or
// read the clock. It never allocates and memory never grows: the ring is reserved at build
// time at the hard maxima of limits.ts, and journalInit can only lower the capacity in use.
//
// Bounds: at most capacityRecords records and capacityBytes bytes are kept. An append that
// would exceed either drops the oldest records first, counting each in `dropped`; so
// appended == kept + dropped at all times. A record larger than capacityBytes could never be
// kept: it is refused and counted in `rejected`, and nothing is dropped for it.
//
// Ids: record ids rise by one from 1, so the records kept are exactly the ids
// [oldestId, nextId). A QUERY pages by id, which never skips or repeats a record however
// many share one timestamp. Timestamps never fall: one lower than the previous is raised.

import {
  journalBytesDefault,
  journalBytesMax,
  journalRecordsDefault,
  journalRecordsMax,
  journalRecordsMin,
  logFieldsBytesMax,
  logMessageBytesMax,
  logScopeBytesMax,
} from "../lib/limits";
import {
  LogAppend,
  LogQuery,
  LogRecord,
  LogStats,
  logDecodeRecord,
  logEncodeQueryResponseHead,
  logEncodeRecord,
  logQueryFlagGap,
  logQueryFlagMore,
  logQueryPageBytes,
  logQueryPageBytesMin,
  logQueryPageRecords,
  logQueryResponseRecordsOffset,
  logRecordBytes,
  logRecordBytesMax,
  logRecordBytesMin,
  logStatusInvalidArgument,
  logStatusOk,
} from "../lib/log-v1";

// Memory, reserved at the hard maxima:
//
//   ring (journalBytesMax bytes; the first capacityBytes in use)
//   +--------------+------------------------+----------+----------------+----------+
//   | record k+2   | record k+3 ... newest  |  free    | record k  k+1  |  unused  |
//   +--------------+------------------------+----------+----------------+----------+
//   0                                       ^ head     ^ oldest         ^ end of the last
//                                                                         record before wrap
//   slots (journalRecordsMax u32s; the first capacityRecords in use)
//   slot[id % capacityRecords] = ring offset of record id, for every kept id.
//
// A record is never split: when it does not fit before capacityBytes it goes to offset 0,
// and the bytes left at the end stay unused until the oldest record passes them. So up to
// one record's worth of the byte capacity can sit idle; used bytes counts records only.
//
// One stored record is the LOG v1 wire record, so a QUERY page is built by plain copies:
//
//   0              8              16        20      21       22          24          26
//   +--------------+--------------+---------+-------+--------+-----------+-----------+
//   |      id      | timestamp ns | sender  | level |reserved|scope bytes|msg bytes  |
//   |     u64      |     u64      |   u32   |  u8   |   u8   |    u16    |    u16    |
//   +--------------+--------------+---------+-------+--------+-----------+-----------+
//   26            28
//   +-------------+-------+---------+--------+
//   |fields bytes | scope | message | fields |
//   |    u16      |       |         |        |
//   +-------------+-------+---------+--------+

const ringPtr = memory.data(journalBytesMax, 8);
const slotBytes: i32 = 4;
const slotsPtr = memory.data(journalRecordsMax * slotBytes, 8);

function journalLimitsCheck(): void {
  assert(journalBytesDefault >= logRecordBytesMax, "a default journal keeps any record");
  assert(logQueryPageBytesMin >= logRecordBytesMax, "a page holds any stored record");
}
journalLimitsCheck();

// The journal's own record view, so a query never disturbs the caller's views.
const scratchRecord = changetype<LogRecord>(memory.data(offsetof<LogRecord>(), 8));

let capacityRecords: i32 = journalRecordsDefault;
let capacityBytes: i32 = journalBytesDefault;
let oldestId: u64 = 1;
let nextId: u64 = 1;
let headOffset: i32 = 0;
let usedBytes: i32 = 0;
let lastTimestampNs: u64 = 0;
let appendedTotal: u64 = 0;
let droppedTotal: u64 = 0;
let rejectedTotal: u64 = 0;

// Empties the journal and sets the capacity in use. Returns logStatusInvalidArgument, and
// changes nothing, unless journalRecordsMin <= records <= journalRecordsMax and
// logRecordBytesMin <= bytes <= journalBytesMax. Ids restart at 1 and counters at 0.
export function journalInit(records: i32, bytes: i32): u8 {
  if (records < journalRecordsMin || records > journalRecordsMax) {
    return logStatusInvalidArgument;
  }
  if (bytes < logRecordBytesMin || bytes > journalBytesMax) return logStatusInvalidArgument;

  capacityRecords = records;
  capacityBytes = bytes;
  oldestId = 1;
  nextId = 1;
  headOffset = 0;
  usedBytes = 0;
  lastTimestampNs = 0;
  appendedTotal = 0;
  droppedTotal = 0;
  rejectedTotal = 0;
  return logStatusOk;
}

function usedRecords(): i32 {
  return <i32>(nextId - oldestId);
}

function slotPtr(id: u64): usize {
  return slotsPtr + <usize>(id % <u64>capacityRecords) * slotBytes;
}

function offsetOf(id: u64): i32 {
  return <i32>load<u32>(slotPtr(id));
}

// Reads the kept record `id` into scratchRecord and returns its stored length.
function readRecord(id: u64): i32 {
  assert(id >= oldestId && id < nextId, "a kept record");
  const offset = offsetOf(id);
  const recordBytes = logDecodeRecord(ringPtr + offset, capacityBytes - offset, scratchRecord);
  assert(recordBytes > 0, "stored records decode");
  return recordBytes;
}

function dropOldest(): void {
  usedBytes -= readRecord(oldestId);
  oldestId += 1;
  droppedTotal += 1;
  if (usedRecords() == 0) {
    assert(usedBytes == 0, "byte count follows record count");
    headOffset = 0;
  }
}

// The ring offset where a record of recordBytes goes, after dropping the oldest records
// that stand in its way. Each pass either returns or drops one record.
function makeRoom(recordBytes: i32): i32 {
  assert(recordBytes <= capacityBytes, "the record can fit at all");
  while (usedRecords() >= capacityRecords) dropOldest();

  for (let pass = 0; pass <= journalRecordsMax; pass++) {
    if (usedRecords() == 0) return 0;
    const tailOffset = offsetOf(oldestId);
    // Kept bytes are [tail, head) when head is past tail, else [tail, end) and [0, head).
    if (headOffset > tailOffset) {
      if (headOffset + recordBytes <= capacityBytes) return headOffset;
      if (recordBytes <= tailOffset) return 0;
    } else if (headOffset + recordBytes <= tailOffset) {
      return headOffset;
    }
    dropOldest();
  }
  assert(false, "makeRoom ends within journalRecordsMax passes");
  return 0;
}

// Appends one record from a valid APPEND view. Returns its id, or 0 when it is larger than
// the whole byte capacity (then it is counted as rejected and nothing is dropped).
export function journalAppend(view: LogAppend, sender: u32, timestampNs: u64): u64 {
  assert(view.scopeBytes > 0 && view.scopeBytes <= logScopeBytesMax, "scope size checked");
  assert(view.messageBytes <= logMessageBytesMax, "message size checked");
  assert(view.fieldsBytes <= logFieldsBytesMax, "fields size checked");
  const recordBytes = logRecordBytes(view.scopeBytes, view.messageBytes, view.fieldsBytes);
  if (recordBytes > capacityBytes) {
    rejectedTotal += 1;
    return 0;
  }

  const offset = makeRoom(recordBytes);
  if (timestampNs < lastTimestampNs) timestampNs = lastTimestampNs;
  lastTimestampNs = timestampNs;

  const id = nextId;
  fillRecord(scratchRecord, view, id, sender, timestampNs);
  const written = logEncodeRecord(ringPtr + offset, capacityBytes - offset, scratchRecord);
  assert(written == recordBytes, "makeRoom found room");
  store<u32>(slotPtr(id), <u32>offset);

  headOffset = offset + recordBytes;
  usedBytes += recordBytes;
  nextId += 1;
  appendedTotal += 1;
  return id;
}

function fillRecord(
  record: LogRecord, view: LogAppend, id: u64, sender: u32, timestampNs: u64,
): void {
  record.id = id;
  record.timestampNs = timestampNs;
  record.sender = sender;
  record.level = view.level;
  record.scopePtr = view.scopePtr;
  record.scopeBytes = view.scopeBytes;
  record.messagePtr = view.messagePtr;
  record.messageBytes = view.messageBytes;
  record.fieldsPtr = view.fieldsPtr;
  record.fieldsBytes = view.fieldsBytes;
}

// Counts a request refused before it reached the journal (a frame that failed to decode),
// so `rejected` covers every refused request, not only appends too large to keep.
export function journalCountRejected(): void {
  rejectedTotal += 1;
}

// Records dropped so far; an APPEND response carries it so a writer sees loss.
export function journalDropped(): u64 {
  return droppedTotal;
}

export function journalStats(view: LogStats): void {
  view.appended = appendedTotal;
  view.dropped = droppedTotal;
  view.rejected = rejectedTotal;
  view.nextId = nextId;
  view.capacityRecords = <u32>capacityRecords;
  view.capacityBytes = <u32>capacityBytes;
  view.usedRecords = <u32>usedRecords();
  view.usedBytes = <u32>usedBytes;
}

// Fills `view` with the kept record `id`; false when that id is not kept. The view's
// pointers point into the ring and stay valid until the next append.
export function journalRead(id: u64, view: LogRecord): bool {
  if (id < oldestId || id >= nextId) return false;
  const offset = offsetOf(id);
  return logDecodeRecord(ringPtr + offset, capacityBytes - offset, view) > 0;
}

function matches(record: LogRecord, query: LogQuery): bool {
  if (record.timestampNs < query.timestampMinNs) return false;
  if (query.levelMax != 0 && record.level > query.levelMax) return false;
  if (query.sender != 0 && record.sender != query.sender) return false;
  if (query.scopeBytes == 0) return true;
  if (record.scopeBytes != query.scopeBytes) return false;
  return memory.compare(record.scopePtr, query.scopePtr, query.scopeBytes) == 0;
}

// Writes a complete QUERY response frame (status ok) for a valid QUERY view at outPtr and
// returns its length. The page starts at the cursor, or at the oldest kept record when the
// cursor is older (flag gap when records in between were dropped), takes matching records
// in id order while the count and byte caps allow, and its next cursor is the first id not
// yet looked at (flag more when a matching record was left for the next page).
export function journalQuery(query: LogQuery, outPtr: usize, outCapacity: i32): i32 {
  const pageCapacity = outCapacity - logQueryResponseRecordsOffset;
  assert(pageCapacity >= logQueryPageBytesMin, "the output holds one maximum record");
  const recordsMax = logQueryPageRecords(query.recordsMax);
  let bytesMax = logQueryPageBytes(query.bytesMax);
  if (bytesMax > pageCapacity) bytesMax = pageCapacity;

  let flags: u16 = 0;
  let id = query.cursor > 0 ? query.cursor : 1;
  if (id < oldestId) {
    flags |= logQueryFlagGap;
    id = oldestId;
  }
  if (id > nextId) id = nextId;

  const recordsPtr = outPtr + logQueryResponseRecordsOffset;
  let count = 0;
  let recordsBytes = 0;
  for (; id < nextId; id++) {
    const recordBytes = readRecord(id);
    if (!matches(scratchRecord, query)) continue;
    if (count == recordsMax || recordsBytes + recordBytes > bytesMax) {
      flags |= logQueryFlagMore;
      break;
    }
    memory.copy(recordsPtr + recordsBytes, ringPtr + offsetOf(id), recordBytes);
    count += 1;
    recordsBytes += recordBytes;
  }
  return logEncodeQueryResponseHead(outPtr, id, count, flags, recordsBytes);
}
