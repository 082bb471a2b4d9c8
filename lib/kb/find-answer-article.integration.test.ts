import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createStore, type TestStore } from "@/lib/testing/factories.ts";
import { findAnswerArticle } from "./find-answer-article.ts";

let store: TestStore;
let other: TestStore;

async function article(storeId: string, title: string, body: string, published = true) {
  return db().kbArticle.create({ data: { storeId, title, body, published }, select: { id: true } });
}

beforeAll(async () => {
  store = await createStore();
  other = await createStore();
  await article(store.id, "Returns and exchanges policy", "Items can be returned within 30 days of delivery in their original packaging.");
  await article(store.id, "Where is my order?", "Orders ship within 2 business days. Tracking links are sent as soon as the carrier scans the parcel.");
  await article(store.id, "Caring for moss", "Mist the moss twice a week and keep the terrarium out of direct sunlight.", false);
  await article(other.id, "Caring for your terrarium moss", "Mist the moss twice a week and keep the terrarium out of direct sunlight.");
});

describe("findAnswerArticle", () => {
  it("finds the published article that covers the question, stems and all", async () => {
    expect(await findAnswerArticle(db(), { storeId: store.id, text: "How do I return an item in its original packaging?" })).toMatchObject({
      title: "Returns and exchanges policy",
      questionWords: 4,
      matchedWords: 4,
    });
    expect(await findAnswerArticle(db(), { storeId: store.id, text: "My parcel hasn't shipped, where is my order?" })).toMatchObject({ title: "Where is my order?" });
  });

  it("offers nothing for one shared word, a long story, greetings, or another store's or an unpublished article", async () => {
    expect(await findAnswerArticle(db(), { storeId: store.id, text: "Question about my order" })).toBeNull();
    // Two words of the tracking article's text, none of what it is about (its title).
    expect(await findAnswerArticle(db(), { storeId: store.id, text: "The carrier lost the parcel" })).toBeNull();
    expect(await findAnswerArticle(db(), { storeId: store.id, text: "Hi! Thanks" })).toBeNull();
    expect(await findAnswerArticle(db(), { storeId: store.id, text: "" })).toBeNull();
    const story = "My aunt ordered a lamp for the living room, it arrived scratched and the box was wet, the courier left it in the rain, I want an item returned and money back and a new courier";
    expect(await findAnswerArticle(db(), { storeId: store.id, text: story })).toBeNull();
    expect(await findAnswerArticle(db(), { storeId: store.id, text: "How often should I mist the moss in the terrarium?" })).toBeNull();
    expect(await findAnswerArticle(db(), { storeId: other.id, text: "How often should I mist the moss in the terrarium?" })).toMatchObject({ title: "Caring for your terrarium moss" });
  });

  it("reads hostile text as words only", async () => {
    expect(await findAnswerArticle(db(), { storeId: store.id, text: "'); DROP TABLE \"KbArticle\"; -- return & | ! original:* packaging" })).toMatchObject({ title: "Returns and exchanges policy" });
    expect(await db().kbArticle.count({ where: { storeId: store.id } })).toBe(3);
  });
});
