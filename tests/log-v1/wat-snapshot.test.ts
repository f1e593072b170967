// The LOG v1 codec's WebAssembly text, committed next to this test, so a change to how frames
// are encoded or decoded shows up in review as a diff of instructions. After an intended
// change, refresh it with `vitest run tests/log-v1/wat-snapshot.test.ts -u` and read the diff.

import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import wabtInit from "wabt";

const wasmUrl = new URL("../../build/core/log-v1.wasm", import.meta.url);

test("log-v1 wat: the codec's text matches the committed snapshot", async () => {
  const wabt = await wabtInit();
  const bytes = new Uint8Array(await readFile(wasmUrl));
  const module = wabt.readWasm(bytes, { readDebugNames: true });
  try {
    const text = module.toText({ foldExprs: false, inlineExport: false });
    await expect(text).toMatchFileSnapshot("./__snapshots__/log-v1.wat");
  } finally {
    module.destroy();
  }
});
