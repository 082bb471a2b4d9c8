import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createDb } from "@/lib/db/client.ts";
import { directRows } from "@/lib/db/direct-rows.ts";
import { AppError, type AppErrorCode } from "@/lib/errors.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { handleApiError } from "./handle-error.ts";

async function body(response: Response) {
  return (await response.json()) as { error: { code: string; message: string; details?: unknown } };
}

function prismaError(code: string): Error {
  const error = new Error("prisma said no") as Error & { code: string };
  error.name = "PrismaClientKnownRequestError";
  error.code = code;
  return error;
}

describe("handleApiError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("maps a ZodError to 422 with the issues", async () => {
    const result = z.strictObject({ subject: z.string() }).safeParse({ subject: 1, extra: true });
    const response = handleApiError(result.error);
    expect(response.status).toBe(422);
    const { error } = await body(response);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: "subject" })]));
  });

  it.each<[AppErrorCode, number]>([
    ["BAD_REQUEST", 400],
    ["UNAUTHORIZED", 401],
    ["FORBIDDEN", 403],
    ["NOT_FOUND", 404],
    ["CONFLICT", 409],
    ["INVALID_TRANSITION", 409],
    ["RATE_LIMITED", 429],
    ["VALIDATION_FAILED", 422],
    ["UNPROCESSABLE", 422],
  ])("maps AppError %s to %i", async (code, status) => {
    const response = handleApiError(new AppError(code, "why", { some: "detail" }));
    expect(response.status).toBe(status);
    expect(await body(response)).toEqual({ error: { code, message: "why", details: { some: "detail" } } });
  });

  it("leaves details out when there are none", async () => {
    expect(await body(handleApiError(new AppError("NOT_FOUND", "Ticket not found")))).toEqual({
      error: { code: "NOT_FOUND", message: "Ticket not found" },
    });
  });

  it("maps a JSON SyntaxError to 400", async () => {
    let syntaxError: unknown;
    try {
      JSON.parse("{");
    } catch (error) {
      syntaxError = error;
    }
    const response = handleApiError(syntaxError);
    expect(response.status).toBe(400);
    expect((await body(response)).error.code).toBe("BAD_REQUEST");
  });

  it("maps Prisma not-found and unique violations", async () => {
    expect(handleApiError(prismaError("P2025")).status).toBe(404);
    const conflict = handleApiError(prismaError("P2002"));
    expect(conflict.status).toBe(409);
    expect((await body(conflict)).error.code).toBe("CONFLICT");
  });

  it("hides anything else behind a generic 500 and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = handleApiError(new Error("connection string postgres://secret@db"));
    expect(response.status).toBe(500);
    const text = JSON.stringify(await body(response));
    expect(text).not.toContain("secret");
    expect(text).not.toContain("at ");
    expect(log).toHaveBeenCalledOnce();
    expect(handleApiError(prismaError("P2010")).status).toBe(500);
  });

  it("answers 503 with Retry-After when the database is unreachable (nothing was stored; the sender retries)", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const code of ["P1001", "P1017", "P2024"]) {
      const response = handleApiError(prismaError(code));
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await body(response)).error.code).toBe("UNAVAILABLE");
    }
    expect(log.mock.calls.every((call) => typeof call[0] === "string" && !String(call[0]).includes("\n"))).toBe(true);
    log.mockRestore();
  });

  it("answers 503 too when node-postgres itself finds the database away (the statements run on it directly)", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // Nothing listens on port 1: a real refused connection, through the production client.
    const away = createDb("postgresql://postgres@127.0.0.1:1/tern", { poolSize: 1 });
    try {
      const refused = await directRows(away, Prisma.sql`SELECT 1`).catch((error: unknown) => error);
      const response = handleApiError(refused);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      for (const lost of [Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }), new Error("Connection terminated unexpectedly")]) {
        expect(handleApiError(lost).status).toBe(503);
      }
      // A statement PostgreSQL refused for what it says is still ours to fix: 500.
      expect(handleApiError(Object.assign(new Error("syntax error"), { code: "42601" })).status).toBe(500);
    } finally {
      await away.$disconnect();
      log.mockRestore();
    }
  });
});
