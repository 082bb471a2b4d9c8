import { describe, expect, it } from "vitest";
import { MAX_JSON_BYTES, readJson } from "./read-json.ts";
import { readOptionalJson } from "./read-optional-json.ts";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://tern.test/api/v1/x", { method: "POST", body, headers });

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += 64 * 1024) controller.enqueue(bytes.slice(offset, offset + 64 * 1024));
      controller.close();
    },
  });
}

describe("readJson and readOptionalJson", () => {
  const tooBig = JSON.stringify({ body: "x".repeat(MAX_JSON_BYTES) });

  it("refuse a body over the limit as a 400, by its declared length or, undeclared, as it streams in", async () => {
    for (const read of [readJson, readOptionalJson]) {
      await expect(read(post(tooBig, { "content-length": String(tooBig.length) }))).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The request body is too large" });
      const streamed = new Request("http://tern.test/api/v1/x", { method: "POST", body: streamOf(tooBig), duplex: "half" } as RequestInit);
      await expect(read(streamed)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The request body is too large" });
    }
  });

  it("read a body just under the limit, and tell an empty body apart", async () => {
    const large = JSON.stringify({ body: "x".repeat(MAX_JSON_BYTES - 100) });
    expect(await readJson(post(large))).toEqual({ body: "x".repeat(MAX_JSON_BYTES - 100) });
    await expect(readJson(post(""))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await readOptionalJson(post(""))).toEqual({});
  });
});
