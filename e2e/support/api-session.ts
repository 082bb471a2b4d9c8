import { request, type APIRequestContext } from "@playwright/test";

/** Signs in through next-auth's credentials endpoint (no UI) and returns a request context holding the session. */
export async function apiSession(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const csrf = await context.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  if (!response.ok()) throw new Error(`sign-in failed for ${email}: ${response.status()}`);
  const session = await (await context.get("/api/auth/session")).json();
  if (!session?.user) throw new Error(`no session for ${email}`);
  return context;
}
