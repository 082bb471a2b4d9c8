import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createStore, createTicket } from "@/lib/testing/factories.ts";
import { createKbArticle } from "./create-kb-article.ts";
import { listKbArticles } from "./list-kb-articles.ts";
import { suggestKbArticles } from "./suggest-kb-articles.ts";

async function orderWithSkus(storeId: string, orderId: number, skus: string[]) {
  return db().orderSnapshot.create({
    data: { storeId, bigcommerceOrderId: orderId, order: { id: orderId }, products: skus.map((sku, index) => ({ id: index + 1, name: `Item ${sku}`, sku, quantity: 1 })) },
    select: { id: true },
  });
}

describe("suggestKbArticles", () => {
  it("ranks by the order's SKUs, then the ticket's category and tags, then its words, and says what matched", async () => {
    const store = await createStore();
    const article = (title: string, body: string, extra: { tags?: string[]; skus?: string[]; categories?: string[]; published?: boolean } = {}) =>
      createKbArticle(db(), { storeId: store.id, fields: { title, body, ...extra } });
    await article("Blender warranty", "The BL-200 blender carries a two year warranty.", { skus: ["BL-200"] });
    await article("Kitchen appliances care", "Clean appliances after use.", { categories: ["Kitchen"] });
    await article("Refund policy", "Refunds are paid within five days.", { tags: ["refund"] });
    await article("Broken on arrival", "If your parcel arrived broken, send us a photo.");
    await article("Unrelated", "Gift cards never expire.");
    await article("Draft about broken parcels", "Not published yet.", { published: false });

    const snapshot = await orderWithSkus(store.id, 77, ["BL-200", "CUP-1"]);
    const { ticket } = await createTicket(store.id, { subject: "Blender arrived broken", body: "The jar is cracked", category: "kitchen", tags: ["refund"], bigcommerceOrderId: 77 });
    await db().ticket.update({ where: { id: ticket.id }, data: { orderSnapshotId: snapshot.id } });

    const suggestions = await suggestKbArticles(db(), { storeId: store.id, ticketId: ticket.id });
    expect(suggestions.map((suggestion) => suggestion.title)).toEqual(["Blender warranty", "Kitchen appliances care", "Refund policy", "Broken on arrival"]);
    expect(suggestions[0]).toMatchObject({ matchedSkus: ["BL-200"], matchedCategories: [], matchedTags: [] });
    expect(suggestions[1]!.matchedCategories).toEqual(["Kitchen"]);
    expect(suggestions[2]!.matchedTags).toEqual(["refund"]);
    expect(suggestions[3]!.textRank).toBeGreaterThan(0);
  });

  it("finds the snapshot by order id when the ticket is not linked to it, and never returns another store's articles", async () => {
    const store = await createStore();
    const other = await createStore();
    await createKbArticle(db(), { storeId: other.id, fields: { title: "Elsewhere", body: "x", skus: ["SKU-9"] } });
    await createKbArticle(db(), { storeId: store.id, fields: { title: "Ours", body: "x", skus: ["SKU-9"] } });
    await orderWithSkus(store.id, 9, ["SKU-9"]);
    const { ticket } = await createTicket(store.id, { subject: "?", bigcommerceOrderId: 9 });
    expect((await suggestKbArticles(db(), { storeId: store.id, ticketId: ticket.id })).map((item) => item.title)).toEqual(["Ours"]);
    await expect(suggestKbArticles(db(), { storeId: other.id, ticketId: ticket.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("returns nothing for a ticket with no signals", async () => {
    const store = await createStore();
    await createKbArticle(db(), { storeId: store.id, fields: { title: "Returns", body: "Within 30 days." } });
    const { ticket } = await createTicket(store.id, { subject: "?!" });
    expect(await suggestKbArticles(db(), { storeId: store.id, ticketId: ticket.id })).toEqual([]);
  });
});

describe("listKbArticles", () => {
  it("lists by title, or by relevance when searching", async () => {
    const store = await createStore();
    await createKbArticle(db(), { storeId: store.id, fields: { title: "B shipping times", body: "Orders ship in two days; shipping is free over $50." } });
    await createKbArticle(db(), { storeId: store.id, fields: { title: "A returns", body: "Return within 30 days. Shipping costs are refunded.", tags: ["returns"] } });
    expect((await listKbArticles(db(), { storeId: store.id })).map((article) => article.title)).toEqual(["A returns", "B shipping times"]);
    expect((await listKbArticles(db(), { storeId: store.id, q: "shipping" })).map((article) => article.title)).toEqual(["B shipping times", "A returns"]);
    expect((await listKbArticles(db(), { storeId: store.id, q: "shipping", tag: "returns" })).map((article) => article.title)).toEqual(["A returns"]);
  });
});
