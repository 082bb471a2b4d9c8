import { beforeAll, describe, expect, it } from "vitest";
import { apiCallerFor } from "@/lib/testing/api-caller.ts";
import { createStore, createUser } from "@/lib/testing/factories.ts";
import type { TemplateDto } from "@/lib/templates/template-dto.ts";
import * as templateRoute from "./[id]/route.ts";
import * as templatesRoute from "./route.ts";

type ErrorBody = { error: { code: string; message: string } };
let supervisor: Awaited<ReturnType<typeof apiCallerFor>>;
let agent: Awaited<ReturnType<typeof apiCallerFor>>;

beforeAll(async () => {
  const store = await createStore();
  supervisor = await apiCallerFor(await createUser(store.id, { role: "SUPERVISOR" }));
  agent = await apiCallerFor(await createUser(store.id));
});

describe("/api/v1/templates", () => {
  it("creates, lists, edits and deletes a template", async () => {
    const created = await supervisor<{ template: TemplateDto }>(templatesRoute.POST, "/templates", {
      body: { name: "Tracking", body: "Order #[order_id] ships with [carrier]: [tracking_url]", purpose: "shipment" },
    });
    expect(created.status).toBe(201);
    const id = created.body.template.id;
    const listed = await agent<{ items: TemplateDto[] }>(templatesRoute.GET, "/templates");
    expect(listed.body.items.map((template) => template.name)).toContain("Tracking");

    const edited = await supervisor<{ template: TemplateDto }>(templateRoute.PATCH, `/templates/${id}`, { method: "PATCH", body: { body: "Hi [customer_name]" }, params: { id } });
    expect(edited.status).toBe(200);
    expect(edited.body.template).toMatchObject({ name: "Tracking", body: "Hi [customer_name]", purpose: "shipment" });

    expect((await supervisor(templateRoute.DELETE, `/templates/${id}`, { method: "DELETE", params: { id } })).status).toBe(204);
    expect((await agent(templateRoute.GET, `/templates/${id}`, { params: { id } })).status).toBe(404);
  });

  it("refuses on save a variable Tern cannot fill, naming it and the allowed ones", async () => {
    const refused = await supervisor<ErrorBody>(templatesRoute.POST, "/templates", { body: { name: "Typo", body: "Your order [order_number] is [order_status]" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("VALIDATION_FAILED");
    expect(refused.body.error.message).toMatch(/^Unknown variable \[order_number\]\. Use only: \[order_id\]/);

    const ok = await supervisor<{ template: TemplateDto }>(templatesRoute.POST, "/templates", { body: { name: "Fine", body: "Order [order_id]" } });
    const id = ok.body.template.id;
    const badEdit = await supervisor<ErrorBody>(templateRoute.PATCH, `/templates/${id}`, { method: "PATCH", body: { body: "[nope] and [nada]" }, params: { id } });
    expect(badEdit.status).toBe(422);
    expect(badEdit.body.error.message).toMatch(/^Unknown variables \[nope\], \[nada\]/);
  });

  it("answers 409 for a duplicate name (any case), 422 for bad input, 403 for agents writing", async () => {
    await supervisor(templatesRoute.POST, "/templates", { body: { name: "Greeting", body: "Hello" } });
    const duplicate = await supervisor<ErrorBody>(templatesRoute.POST, "/templates", { body: { name: "greeting", body: "Hi" } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe('A template named "greeting" already exists');
    expect((await supervisor(templatesRoute.POST, "/templates", { body: { name: "", body: "x" } })).status).toBe(422);
    expect((await supervisor(templatesRoute.POST, "/templates", { body: { name: "x", body: "x", purpose: "spam" } })).status).toBe(422);
    expect((await supervisor(templatesRoute.POST, "/templates", { body: "{" })).status).toBe(400);
    expect((await agent(templatesRoute.POST, "/templates", { body: { name: "Mine", body: "x" } })).status).toBe(403);
  });

  it("hides another store's templates", async () => {
    const created = await supervisor<{ template: TemplateDto }>(templatesRoute.POST, "/templates", { body: { name: "Private", body: "x" } });
    const outsider = await apiCallerFor(await createUser((await createStore()).id, { role: "SUPERVISOR" }));
    const id = created.body.template.id;
    expect((await outsider(templateRoute.GET, `/templates/${id}`, { params: { id } })).status).toBe(404);
    expect((await outsider(templateRoute.PATCH, `/templates/${id}`, { method: "PATCH", body: { name: "Mine now" }, params: { id } })).status).toBe(404);
    expect((await outsider(templateRoute.DELETE, `/templates/${id}`, { method: "DELETE", params: { id } })).status).toBe(404);
    expect((await outsider<{ items: unknown[] }>(templatesRoute.GET, "/templates")).body.items).toEqual([]);
  });
});
