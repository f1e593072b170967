// logd: the journal service. Serves LOG v1 frames on the "log" endpoint: APPEND, QUERY and
// STATS, each answered with a response frame (appends sent without `call` get none).
//
// Owns: the request loop, the kernel-stamped sender of each record, the clock reading for
// its timestamp, the optional console mirror, and its readiness marker. The journal and the
// codec do the rest (journal.ts, ../lib/log-v1.ts).
//
// Arguments (from the manifest): --records=<n> and --bytes=<n> lower the journal's capacity
// (never above the hard maxima), --mirror=on prints info-and-above records as JSON lines.
// A bad argument ends logd with code 2 before it serves, with a FAIL line saying why.

import {
  logDecodeRequest, logEncodeAppendResponse, logEncodeErrorResponse, logEncodeStatsResponse,
  logAppend, logLevelInfo, logOpAppend, logOpQuery, logQuery, logRecord, logRequestOp,
  logStats, logStatusOk, logStatusRejected,
} from "../lib/log-v1";
import {
  journalBytesDefault, journalRecordsDefault, messageBytesMax, mirrorLineBytesMax,
} from "../lib/limits";
import { consoleLines, marker } from "../lib/nexus-log";
import { notifyReady } from "../lib/ready";
import * as sys from "../lib/sys";
import {
  journalAppend, journalCountRejected, journalDropped, journalInit, journalQuery,
  journalRead, journalStats,
} from "./journal";
import { mirrorFormat } from "./mirror";
export { cabi_realloc } from "../lib/sys";

const response = memory.data(messageBytesMax, 8);
const mirrorLine = memory.data(mirrorLineBytesMax, 8);
let mirrorOn = false;

export function run(argsPtr: usize, argsLen: i32): i32 {
  const args = sys.argsFrom(argsPtr, argsLen);
  if (!configure(args)) return 2;
  const endpoint = sys.open("log");
  if (endpoint < 0) {
    marker("logd: FAIL no log endpoint: " + sys.statusName(sys.statusOf(endpoint)));
    return 3;
  }
  notifyReady();
  // Requests sent since logd was spawned wait in the endpoint's queue; the loop below is the
  // first thing after this line, so "ready" is printed only when serving is what comes next.
  marker("logd: ready");
  let status = sys.recv(endpoint as u32);
  while (status == 0) {
    const length = serve(sys.msgSender, sys.msgPtr, sys.msgLen);
    const token = sys.msgReplyToken;
    status = sys.replyRecv(token, response, token != 0 ? length : 0, endpoint as u32);
    // A refused answer (the caller is gone) must not stop the service: receive plainly.
    if (status < 0 && token != 0) status = sys.recv(endpoint as u32);
  }
  return 1;
}

function configure(args: string[]): bool {
  let records = journalRecordsDefault;
  let bytes = journalBytesDefault;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("--records=")) records = I32.parseInt(arg.substring(10));
    else if (arg.startsWith("--bytes=")) bytes = I32.parseInt(arg.substring(8));
    else if (arg == "--mirror=on") mirrorOn = true;
    else if (arg != "--mirror=off") {
      marker("logd: FAIL unknown argument " + arg);
      return false;
    }
  }
  if (journalInit(records, bytes) != logStatusOk) {
    marker("logd: FAIL journal capacity records=" + records.toString() + " bytes=" +
      bytes.toString() + " outside its bounds");
    return false;
  }
  return true;
}

/** Answers one request into `response`; returns the response length. */
function serve(sender: u32, ptr: usize, len: i32): i32 {
  const status = logDecodeRequest(ptr, len);
  if (status != logStatusOk) return refuse(status);
  if (logRequestOp == logOpAppend) return append(sender);
  if (logRequestOp == logOpQuery) return journalQuery(logQuery, response, messageBytesMax);
  journalStats(logStats);
  return logEncodeStatsResponse(response, messageBytesMax, logStats);
}

function refuse(status: u8): i32 {
  journalCountRejected();
  return logEncodeErrorResponse(response, messageBytesMax, logRequestOp, status);
}

function append(sender: u32): i32 {
  const id = journalAppend(logAppend, sender, sys.clockNow());
  if (id == 0) {
    return logEncodeErrorResponse(response, messageBytesMax, logOpAppend, logStatusRejected);
  }
  if (mirrorOn && logAppend.level <= logLevelInfo && journalRead(id, logRecord)) {
    consoleLines(mirrorLine, mirrorFormat(logRecord, mirrorLine, mirrorLineBytesMax));
  }
  return logEncodeAppendResponse(response, messageBytesMax, id, journalDropped());
}
