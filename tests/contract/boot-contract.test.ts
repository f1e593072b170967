// The marker contract (scripts/boot-test.sh) holds for the default image, and fails, with the
// ok markers absent, when logd is missing or refuses everything: no fake success.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { rootDir } from "../../scripts/build.ts";

function bootTest(image: string) {
  const uart = join(mkdtempSync(join(tmpdir(), "nexus-contract-")), "uart.log");
  const run = spawnSync("bash", [join(rootDir, "scripts", "boot-test.sh")], {
    encoding: "utf8", timeout: 120_000,
    env: { ...process.env, RUN_UNTIL_MARKER: "1", RUN_TIMEOUT: "90s", BOOT_IMAGE: image,
      UART_LOG: uart },
  });
  return { ...run, log: readFileSync(uart, "utf8") };
}

const okMarkers = ["SELFTEST: log query ok", "SELFTEST: crash report ok"];

describe("boot contract", () => {
  test("boot contract: the default image shows every marker and no FAIL", () => {
    const run = bootTest(join(rootDir, "images", "default.json"));
    expect(run.stdout).toContain("boot-test: ok");
    expect(run.status).toBe(0);
  });

  test("boot contract: without logd the selftest fails and the boot test fails", () => {
    const run = bootTest(join(rootDir, "tests", "images", "no-logd.json"));
    expect(run.status).toBe(1);
    expect(run.log).toMatch(/SELFTEST: log query FAIL/);
    for (const marker of okMarkers) expect(run.log).not.toContain(marker);
    expect(run.stdout).toContain("boot-test: missing marker: SELFTEST: log query ok");
  });

  test("boot contract: a logd that refuses everything makes the selftest fail", () => {
    const run = bootTest(join(rootDir, "tests", "images", "refusing-logd.json"));
    expect(run.status).toBe(1);
    expect(run.log).toMatch(/SELFTEST: log query FAIL record 0 not logged/);
    for (const marker of okMarkers) expect(run.log).not.toContain(marker);
  });
});
