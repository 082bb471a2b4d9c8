import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors.ts";
import { parseJsonBody } from "./parse-json-body.ts";

describe("parseJsonBody", () => {
  it("parses JSON, and refuses malformed JSON as a 400", () => {
    expect(parseJsonBody('{"a":[1,"x"],"e":"\\ud83d\\ude00"}')).toEqual({ a: [1, "x"], e: "😀" });
    expect(() => parseJsonBody("{")).toThrow(AppError);
  });

  it("refuses U+0000 and unpaired surrogates anywhere, in values or keys, deep or not", () => {
    for (const text of ['"\\u0000"', '{"a":"x\\u0000y"}', '{"a":[{"b":"\\u0000"}]}', '{"\\u0000":1}', '{"a":"\\ud800"}', '{"a":"x\\udc00"}', '["\\ude00\\ud83d"]']) {
      expect(() => parseJsonBody(text), text).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    }
  });

  it("accepts an escaped backslash before u0000, which is no NUL, and lets callers that clean such text keep it", () => {
    expect(parseJsonBody('{"a":"\\\\u0000"}')).toEqual({ a: "\\u0000" });
    expect(parseJsonBody('{"a":"x\\u0000\\ud800"}', { keepUnstorable: true })).toEqual({ a: "x\u0000\ud800" });
  });
});
