import { expect, test } from "@playwright/test";
import { PEOPLE } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { expectNoReload, openInbox } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { introduce, openOrderTicket, unique } from "./support/telegram-customer.ts";

// Order actions from the inbox against the BigCommerce emulator: the refund quote in the dialog,
// a refund above the store's threshold (the demo store's is $100) held for a supervisor, and the
// supervisor's approval from the same ticket reaching the agent's open inbox live.

let world: E2eWorld;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

test("an agent's refund above the threshold is quoted, waits for a supervisor, and is approved from the ticket; the agent sees it live", async ({ browser }, testInfo) => {
  const ada = await openInbox(browser, PEOPLE.ada.email);
  const order = world.shop.createOrder({
    guest: { email: `erin-${unique()}@example.com`, firstName: "Erin", lastName: "Jones" },
    products: [
      { name: "Orbit Terrarium, extra large", sku: "OTS-XL", price: 139, quantity: 1 },
      { name: "Moss refill pack", sku: "MOSS-3", price: 9.95, quantity: 2 },
    ],
    shippingCost: 6.5,
  });
  const customer = world.bot.customer(8_000_000 + Math.floor(Math.random() * 900_000), { firstName: "Erin" });
  await introduce(customer, order, "The terrarium arrived cracked. I would like my money back.");
  await openOrderTicket(ada, order.id);
  await expect(ada.getByTestId("message-inbound").filter({ hasText: "arrived cracked" })).toBeVisible({ timeout: 15_000 });
  const ticketId = new URL(ada.url()).searchParams.get("ticket")!;
  expect(ticketId).toBeTruthy();

  // Not shipped yet: refund, no resend; cancelling is not an agent's to do.
  const actions = ada.getByRole("group", { name: "Order actions" });
  await expect(actions.getByRole("button", { name: "Refund" })).toBeVisible();
  await expect(actions.getByRole("button", { name: "Resend tracking" })).toHaveCount(0);
  await expect(actions.getByRole("button", { name: "Cancel order" })).toHaveCount(0);

  await actions.getByRole("button", { name: "Refund" }).click();
  const dialog = ada.getByRole("dialog", { name: `Refund order #${order.id}` });
  await expect(dialog).toBeVisible();

  // An amount above what is left is refused before BigCommerce is asked; BigCommerce's own refusal shows in plain words.
  await dialog.getByLabel("An amount").check();
  await dialog.getByLabel(/^Amount to refund/).fill("9999");
  await dialog.getByRole("button", { name: "Get quote" }).click();
  await expect(dialog.getByRole("alert")).toContainText("more than the $165.40 left to refund");
  await dialog.getByLabel("Products").check();
  await dialog.getByLabel("Units of Orbit Terrarium, extra large to refund").fill("1");
  world.shop.failNext(/refund_quotes$/, 422);
  await dialog.getByRole("button", { name: "Get quote" }).click();
  await expect(dialog.getByRole("alert")).toContainText("BigCommerce refused the refund quote");

  await dialog.getByRole("button", { name: "Get quote" }).click();
  const quote = dialog.getByRole("region", { name: "Refund quote" });
  await expect(quote).toContainText("$139.00");
  await expect(quote).toContainText("Test Payment Gateway");
  await expect(quote).toContainText("waits for a supervisor");
  await dialog.getByLabel(/^Reason/).fill("Arrived cracked");
  await saveScreenshot(ada, testInfo, "order-refund-quote");
  await dialog.getByRole("button", { name: "Confirm refund of $139.00" }).click();
  await expect(dialog).toBeHidden();
  const toast = ada.getByRole("status").filter({ hasText: "The refund of $139.00 waits for a supervisor's approval." });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Dismiss" }).click();

  const adaAction = ada.getByTestId("order-action").filter({ hasText: "Refund of $139.00" });
  await expect(adaAction).toHaveAttribute("data-status", "PENDING_APPROVAL");
  await expect(adaAction).toContainText("Waiting for a supervisor");
  await expect(adaAction).toContainText("1 × Orbit Terrarium, extra large");
  await expect(adaAction.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  await expect(ada.getByTestId("message-activity").filter({ hasText: "waits for a supervisor's approval" })).toBeVisible();
  expect(world.shop.refunds.get(order.id) ?? []).toHaveLength(0);
  await saveScreenshot(ada, testInfo, "order-refund-waiting");

  // An agent who calls the approval route anyway is refused by the server.
  const actionId = await ada.evaluate(async (id) => {
    const response = await fetch(`/api/v1/tickets/${id}/order-actions`);
    return ((await response.json()) as { items: Array<{ id: string }> }).items[0]!.id;
  }, ticketId);
  const byAgent = await ada.request.post(`/api/v1/order-actions/${actionId}/approve`);
  expect(byAgent.status()).toBe(403);

  // The supervisor opens the same ticket in the inbox and approves it there.
  const supervisor = await openInbox(browser, PEOPLE.supervisor.email, `/inbox?ticket=${ticketId}`);
  const held = supervisor.getByTestId("order-action").filter({ hasText: "Refund of $139.00" });
  await expect(held).toContainText("Waiting for a supervisor");
  await expect(held).toContainText("Asked by Ada Agent");
  await expect(held.getByRole("button", { name: "Reject the refund of $139.00" })).toBeVisible();
  await saveScreenshot(supervisor, testInfo, "order-refund-supervisor");
  await held.getByRole("button", { name: "Approve the refund of $139.00" }).click();
  await expect(held).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 15_000 });
  await expect(held).toContainText("Approved by Sam Supervisor");

  // Ada's open inbox follows without a reload: the action, the thread, and BigCommerce's refund.
  await expect(adaAction).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 15_000 });
  await expect(adaAction).toContainText("Refunded");
  await expect(adaAction).toContainText("Approved by Sam Supervisor");
  await expect(ada.getByTestId("message-activity").filter({ hasText: `Sam Supervisor approved the refund of 139.00 on order #${order.id} that Ada Agent asked for` })).toBeVisible();
  await expect(ada.getByTestId("message-activity").filter({ hasText: `Refunded 139.00 on order #${order.id}` })).toBeVisible();
  expect(world.shop.refunds.get(order.id)).toHaveLength(1);
  await expectNoReload(ada);
  await saveScreenshot(ada, testInfo, "order-refund-approved");

  await supervisor.context().close();
  await ada.context().close();
});

test("a supervisor rejects a held refund with a reason from the ticket; the agent resends tracking once the order ships", async ({ browser }, testInfo) => {
  const ada = await openInbox(browser, PEOPLE.ada.email);
  const order = world.shop.createOrder({
    guest: { email: `femi-${unique()}@example.com`, firstName: "Femi", lastName: "Jones" },
    products: [{ name: "Orbit Terrarium, extra large", sku: "OTS-XL", price: 139, quantity: 1 }],
    shippingCost: 6.5,
  });
  const customer = world.bot.customer(8_000_000 + Math.floor(Math.random() * 900_000), { firstName: "Femi" });
  await introduce(customer, order, "Can I get money back for the late delivery?");
  await openOrderTicket(ada, order.id);
  await expect(ada.getByTestId("message-inbound").filter({ hasText: "late delivery" })).toBeVisible({ timeout: 15_000 });
  const ticketId = new URL(ada.url()).searchParams.get("ticket")!;

  await ada.getByRole("group", { name: "Order actions" }).getByRole("button", { name: "Refund" }).click();
  const dialog = ada.getByRole("dialog", { name: `Refund order #${order.id}` });
  await dialog.getByLabel("An amount").check();
  await dialog.getByLabel(/^Amount to refund/).fill("110");
  await dialog.getByRole("button", { name: "Get quote" }).click();
  await expect(dialog.getByRole("region", { name: "Refund quote" })).toContainText("$110.00");
  await dialog.getByRole("button", { name: "Confirm refund of $110.00" }).click();
  const adaAction = ada.getByTestId("order-action").filter({ hasText: "Refund of $110.00" });
  await expect(adaAction).toContainText("Waiting for a supervisor");

  // The supervisor, who may also cancel an order that has not shipped, rejects the refund with a reason.
  const supervisor = await openInbox(browser, PEOPLE.supervisor.email, `/inbox?ticket=${ticketId}`);
  await expect(supervisor.getByRole("group", { name: "Order actions" }).getByRole("button", { name: "Cancel order" })).toBeVisible();
  const held = supervisor.getByTestId("order-action").filter({ hasText: "Refund of $110.00" });
  await held.getByRole("button", { name: "Reject the refund of $110.00" }).click();
  const reject = supervisor.getByRole("dialog", { name: "Reject the refund of $110.00?" });
  await reject.getByLabel(/^Reason/).fill("A late delivery gets a voucher, not a refund");
  await reject.getByRole("button", { name: "Reject the refund" }).click();
  await expect(reject).toBeHidden();
  await expect(held).toHaveAttribute("data-status", "REJECTED");

  await expect(adaAction).toHaveAttribute("data-status", "REJECTED", { timeout: 15_000 });
  await expect(adaAction).toContainText("Rejected by Sam Supervisor: A late delivery gets a voucher, not a refund");
  await expect(ada.getByTestId("message-activity").filter({ hasText: `Sam Supervisor rejected the refund of 110.00 on order #${order.id}: A late delivery gets a voucher` })).toBeVisible();
  expect(world.shop.refunds.get(order.id) ?? []).toHaveLength(0);
  await supervisor.context().close();

  // Shipped: tracking can be sent again (and Refresh brings the shipment in).
  await expect(ada.getByRole("group", { name: "Order actions" }).getByRole("button", { name: "Resend tracking" })).toHaveCount(0);
  world.shop.addShipment(order.id, { trackingNumber: "1Z999AA10123456799", carrier: "ups", method: "UPS Ground" }, { silent: true });
  await ada.getByRole("button", { name: "Refresh the order from BigCommerce" }).click();
  await ada.getByRole("group", { name: "Order actions" }).getByRole("button", { name: "Resend tracking" }).click();
  const resend = ada.getByRole("dialog", { name: "Send the tracking again?" });
  await expect(resend).toContainText("1Z999AA10123456799");
  const seen = customer.received().length;
  await resend.getByRole("button", { name: "Send tracking" }).click();
  await expect(resend).toBeHidden();
  const resent = ada.getByTestId("order-action").filter({ hasText: "Resend tracking" });
  await expect(resent).toHaveAttribute("data-status", "SUCCEEDED");
  await expect(resent).toContainText("1Z999AA10123456799");
  await expect.poll(() => customer.received().slice(seen).map((message) => message.text ?? "").join("\n"), { timeout: 15_000 }).toContain("1Z999AA10123456799");
  await expect(ada.getByTestId("message-activity").filter({ hasText: "re-sent the tracking" })).toBeVisible();
  await expectNoReload(ada);
  await saveScreenshot(ada, testInfo, "order-tracking-resent");
  await ada.context().close();
});
