// Endpoints: blocking call/reply, the bounded queue, the size cap, and servers going away.

import { describe, expect, test } from "vitest";
import { messageBytesMax } from "../../kernel-emu/limits.ts";
import { bootManifest, probeImage } from "./harness.ts";

describe("endpoints", () => {
  test("endpoint: call blocks until reply, every reply matches its call", async () => {
    const { transcript } = await bootManifest(probeImage([["pong"], ["ping", "500", "64"]]));
    expect(transcript).toContain("probe: ping done 500");
  });

  test("endpoint: a message of exactly the size cap is carried", async () => {
    const len = String(messageBytesMax);
    const { transcript } = await bootManifest(probeImage([["pong"], ["ping", "3", len]]));
    expect(transcript).toContain("probe: ping done 3");
  });

  test("endpoint: one byte past the size cap is refused", async () => {
    const { transcript } = await bootManifest(probeImage([["pong"], ["syscalls"]]));
    expect(transcript).toContain("probe: send too-large message-too-large");
  });

  test("endpoint: a full queue refuses with queue-full after depth + the direct hand-off",
    async () => {
      const image = probeImage([["pong"], ["flood"]]);
      (image as { endpoints: { queueDepth?: number }[] }).endpoints[1].queueDepth = 3;
      const { transcript } = await bootManifest(image);
      // The server is blocked in recv, so the first message goes straight to it.
      expect(transcript).toContain("probe: flood sent 4 then queue-full");
    });

  test("endpoint: calling a program that serves nothing yet gives no-server", async () => {
    // "pong" is served by the program "probe", which nobody starts.
    const image = probeImage([["ping", "1", "8"]], {
      endpoints: [{ name: "init", server: "init" }, { name: "pong", server: "probe" }],
    });
    const { transcript } = await bootManifest(image);
    expect(transcript).toContain("probe: ping failed at 0 no-server");
  });
});
