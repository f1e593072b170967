// logprobe: exercises nexus-log from a program and prints what each call returned.
//
//   levels          max level warn: info is filtered, warn and error are logged
//   invalid         a bad scope and unsorted-proof fields: invalid outcome, nothing sent
//   console         no "log" grant: records go to the console as `scope: message k=v`
//   flood <n>       logs n maximum-size records
//   bench <n>       logs n benchmark records (info, 32-byte scope, 64-byte message, 2 fields)
//   query <rounds>  fills the journal, then pages through all of it `rounds` times
//   pre-ready <n>   logs n records before logd serves (they wait in the buffer), then, once
//                   logd is up, one more; then reads them back from logd in order
import { logStatusOk } from "../../../services/lib/log-v1";
import {
  nextCursor, nextRecord, queryPage, queryStats, recordFields, recordMessage,
} from "../../../services/lib/log-client";
import * as log from "../../../services/lib/nexus-log";
import { notifyReady } from "../../../services/lib/ready";
import * as sys from "../../../services/lib/sys";
export { cabi_realloc } from "../../../services/lib/sys";

function say(what: string, outcome: i32): void {
  log.marker("logprobe: " + what + " " + outcome.toString());
}

export function run(argsPtr: usize, argsLen: i32): i32 {
  const args = sys.argsFrom(argsPtr, argsLen);
  notifyReady();
  const mode = args[0];
  if (mode == "levels") {
    log.setMaxLevel(log.LEVEL_WARN);
    say("info", log.info("logprobe", "filtered"));
    say("warn", log.warn("logprobe", "kept"));
    say("error", log.error("logprobe", "kept too"));
  } else if (mode == "invalid") {
    say("bad scope", log.info("Bad Scope", "x"));
    const fields = new log.Fields();
    fields.add("sender", "7");
    say("identity field", log.info("logprobe", "claims an identity", fields));
    const many = new log.Fields();
    let added = 0;
    for (let i = 0; i < 20; i++) if (many.add("k" + (100 + i).toString(), "v")) added++;
    say("fields kept", added);
  } else if (mode == "console") {
    const fields = new log.Fields();
    fields.add("zeta", "1");
    fields.add("alpha", "2");
    say("console", log.warn("logprobe", "no logd here", fields));
  } else if (mode == "bench") {
    return bench(I32.parseInt(args[1]));
  } else if (mode == "query") {
    return queryRounds(I32.parseInt(args[1]));
  } else if (mode == "flood") {
    return flood(I32.parseInt(args[1]));
  } else if (mode == "pre-ready") {
    return preReady(I32.parseInt(args[1]));
  }
  return 0;
}

function preReady(count: i32): i32 {
  for (let i = 0; i < count; i++) {
    say("early " + i.toString(), log.info("logprobe", "early " + i.toString()));
  }
  log.marker("logprobe: pending " + log.pendingRecords().toString());
  // Let init start logd (a STATS call succeeds once it serves), then log once more: the
  // buffer is replayed first, in order.
  const handle = sys.open("log") as u32;
  for (let turn = 0; turn < 1000 && queryStats(handle) != logStatusOk; turn++) sys.yieldNow();
  const outcome = log.info("logprobe", "late");
  say("late", outcome);
  log.marker("logprobe: pending " + log.pendingRecords().toString());
  let cursor: u64 = 0;
  let order = "";
  while (queryPage(handle, cursor, sys.selfPid(), "") == logStatusOk) {
    let any = false;
    while (nextRecord()) {
      any = true;
      const fields = recordFields();
      order += recordMessage() + (fields.length > 0 ? "[" + fields + "]" : "") + ",";
    }
    if (!any) break;
    cursor = nextCursor;
  }
  log.marker("logprobe: journal " + order);
  return 0;
}

/** Logs `count` maximum-size records (64-byte scope, 256-byte message, 512 bytes of fields). */
function flood(count: i32): i32 {
  const scope = "s".repeat(64);
  const message = "m".repeat(256);
  const fields = new log.Fields();
  fields.add("k", "v".repeat(510));
  let logged = 0;
  for (let i = 0; i < count; i++) if (log.info(scope, message, fields) == log.LOG_LOGGED) logged++;
  log.marker("logprobe: flood logged " + logged.toString() + " of " + count.toString());
  return 0;
}

// Built once, so the benchmark measures logging, not the building of its inputs.
const benchScope = "b".repeat(32);
const benchMessage = "m".repeat(64);
const benchFields = new log.Fields();
benchFields.add("id", "12345");
benchFields.add("kind", "bench");

function benchRecord(): i32 {
  return log.info(benchScope, benchMessage, benchFields);
}

function bench(count: i32): i32 {
  let logged = 0;
  for (let i = 0; i < count; i++) if (benchRecord() == log.LOG_LOGGED) logged++;
  log.marker("logprobe: bench logged " + logged.toString() + " of " + count.toString());
  return 0;
}

/** Fills the journal (more appends than it holds), then reads it all `rounds` times. */
function queryRounds(rounds: i32): i32 {
  const handle = sys.open("log") as u32;
  for (let i = 0; i < 300; i++) benchRecord();
  let read = 0;
  for (let round = 0; round < rounds; round++) {
    let cursor: u64 = 0;
    while (queryPage(handle, cursor, 0, "") == logStatusOk) {
      let any = false;
      while (nextRecord()) {
        any = true;
        read++;
      }
      if (!any) break;
      cursor = nextCursor;
    }
  }
  log.marker("logprobe: query read " + read.toString());
  return 0;
}
