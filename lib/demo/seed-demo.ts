import { bigcommerceSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password.ts";
import type { Db } from "@/lib/db/client.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";

// Shaped like a BigCommerce store hash (short, alphanumeric), so it passes wherever a real one must.
export const DEMO_STORE_HASH = "terndemo";
// What the demo store was called before: a database made by an earlier version keeps its store.
const LEGACY_DEMO_STORE_HASH = "tern-demo";
export const DEMO_PASSWORD = "tern-demo";

export type DemoLogin = { role: Role; name: string; email: string; password: string };

export const DEMO_LOGINS: DemoLogin[] = [
  { role: "ADMIN", name: "Alex Admin", email: "admin@tern.example", password: DEMO_PASSWORD },
  { role: "SUPERVISOR", name: "Sam Supervisor", email: "supervisor@tern.example", password: DEMO_PASSWORD },
  { role: "AGENT", name: "Ada Agent", email: "ada@tern.example", password: DEMO_PASSWORD },
  { role: "AGENT", name: "Ben Agent", email: "ben@tern.example", password: DEMO_PASSWORD },
];

const SHIPMENT_TEMPLATE =
  "Thank you for your inquiry regarding order #[order_id]. Your shipment was last updated on [shipment_date] and is currently [shipment_status]. You can track it here: [tracking_url]";

/** Creates the demo store, its people and settings once; later starts find it and change nothing. */
export async function seedDemo(db: Db): Promise<{ created: boolean; storeId: string; logins: DemoLogin[] }> {
  await db.store.updateMany({ where: { bigcommerceHash: LEGACY_DEMO_STORE_HASH }, data: { bigcommerceHash: DEMO_STORE_HASH } });
  const existing = await db.store.findUnique({ where: { bigcommerceHash: DEMO_STORE_HASH }, select: { id: true } });
  if (existing) return { created: false, storeId: existing.id, logins: DEMO_LOGINS };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const storeId = await db.$transaction(async (tx) => {
    const store = await tx.store.create({
      data: { bigcommerceHash: DEMO_STORE_HASH, name: "Tern Demo Store", ...bigcommerceSecretColumns(randomBytes(24).toString("base64url")) },
      select: { id: true },
    });
    const support = await tx.team.create({ data: { storeId: store.id, name: "Support", level: 1 }, select: { id: true } });
    await tx.team.create({ data: { storeId: store.id, name: "Escalations", level: 2 }, select: { id: true } });
    for (const login of DEMO_LOGINS) {
      await tx.user.create({
        data: {
          storeId: store.id,
          email: login.email,
          name: login.name,
          role: login.role,
          passwordHash,
          // The admin configures the store; agents and the supervisor take tickets.
          teamId: login.role === "ADMIN" ? null : support.id,
          capacity: login.role === "AGENT" ? 8 : 4,
          availability: login.role === "ADMIN" ? "OFFLINE" : "ONLINE",
          skills: login.name.startsWith("Ben") ? ["refunds"] : [],
        },
      });
    }
    await tx.slaPolicy.createMany({
      data: [
        { storeId: store.id, name: "Standard", firstResponseSeconds: 60 * 60, resolutionSeconds: 24 * 3600 },
        { storeId: store.id, name: "Urgent", priority: "URGENT", firstResponseSeconds: 15 * 60, resolutionSeconds: 4 * 3600 },
        { storeId: store.id, name: "VIP", tier: "VIP", firstResponseSeconds: 30 * 60, resolutionSeconds: 8 * 3600 },
      ],
    });
    // Order tickets are watched until they need a person; a big VIP order does at once.
    await tx.assignmentRule.create({
      data: { storeId: store.id, name: "VIP orders over $500", position: 1, conditions: { tier: "VIP", minOrderValue: 500 }, makesWork: true },
      select: { id: true },
    });
    await tx.template.createMany({
      data: [
        { storeId: store.id, name: "Shipment update", body: SHIPMENT_TEMPLATE, purpose: "shipment" },
        { storeId: store.id, name: "Greeting", body: "Hi [customer_name], thanks for reaching out! Let me look into order #[order_id] for you." },
      ],
    });
    await tx.kbArticle.createMany({
      data: [
        {
          storeId: store.id,
          title: "Returns and exchanges policy",
          body: "Items can be returned within 30 days of delivery in their original packaging. Start a return from the order page.",
          tags: ["returns"],
          categories: ["Accessories", "Apparel"],
        },
        {
          storeId: store.id,
          title: "Where is my order?",
          body:
            "Orders ship within 2 business days. Tracking links are sent as soon as the carrier scans the parcel. " +
            "If your parcel hasn't arrived a week after it shipped, tell us here and we'll chase the carrier.",
          tags: ["shipping"],
        },
        // Verified Telegram customers get these offered before a person when their question matches (lib/telegram/kb-answer).
        {
          storeId: store.id,
          title: "Changing your delivery address",
          body: "We can change the delivery address of an order that has not shipped yet. Send the new address here and we'll update it before it leaves the warehouse.",
          tags: ["shipping"],
        },
        {
          storeId: store.id,
          title: "Got the wrong size? Exchanges are free",
          body: "Exchange any item for another size within 30 days: start an exchange from the order page, pick the size you need, and we'll send it as soon as the first one is on its way back.",
          tags: ["returns"],
          categories: ["Apparel"],
        },
      ],
    });
    return store.id;
  });
  return { created: true, storeId, logins: DEMO_LOGINS };
}
