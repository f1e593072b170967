// logd-refuser: serves "log" like logd but refuses every request with `rejected`. An image that
// puts it in logd's place must make the selftest print FAIL, never its ok markers.
import {
  logDecodeRequest, logEncodeErrorResponse, logRequestOp, logStatusRejected,
} from "../../../services/lib/log-v1";
import { marker } from "../../../services/lib/nexus-log";
import { notifyReady } from "../../../services/lib/ready";
import * as sys from "../../../services/lib/sys";
export { cabi_realloc } from "../../../services/lib/sys";

const response = memory.data(64, 8);

export function run(argsPtr: usize, argsLen: i32): i32 {
  const endpoint = sys.open("log");
  notifyReady();
  marker("logd: ready");
  while (sys.recv(endpoint as u32) == 0) {
    logDecodeRequest(sys.msgPtr, sys.msgLen);
    const length = logEncodeErrorResponse(response, 64, logRequestOp, logStatusRejected);
    if (sys.msgReplyToken != 0) sys.reply(sys.msgReplyToken, response, length);
  }
  return 1;
}
