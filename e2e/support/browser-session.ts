import type { APIRequestContext, BrowserContext } from "@playwright/test";

export const DEMO_PASSWORD = "tern-demo";

export const PEOPLE = {
  supervisor: { email: "supervisor@tern.example", name: "Sam Supervisor" },
  ada: { email: "ada@tern.example", name: "Ada Agent" },
  ben: { email: "ben@tern.example", name: "Ben Agent" },
} as const;

/** Signs a request context in through next-auth's credentials endpoint (no UI). */
export async function signIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  if (!response.ok()) throw new Error(`sign-in failed for ${email}: ${response.status()}`);
}

/** A browser context whose pages are signed in as `email`: its request shares the context's cookies. */
export async function signInBrowser(context: BrowserContext, email: string): Promise<BrowserContext> {
  await signIn(context.request, email);
  return context;
}
