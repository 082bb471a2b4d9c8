import { expect, test, type WebSocketRoute } from "@playwright/test";
import { PEOPLE, signIn, signInBrowser } from "./support/browser-session.ts";
import { createTicket } from "./support/inbox-api.ts";
import { expectNoReload } from "./support/inbox-page.ts";

// Opening the inbox asks for the queue once; after that the socket keeps it current, and only a
// real reconnect (events may have been missed) asks again.

const unique = () => Math.random().toString(36).slice(2, 8);

test("the first load sends one queue request; live updates need none, a real reconnect reloads once", async ({ browser, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  await signIn(api, PEOPLE.supervisor.email);
  const waiting = await createTicket(api, { subject: `Already waiting ${unique()}`, body: "Hi", customer: { email: `wait-${unique()}@example.com`, name: "Willa Waiting" } });
  const page = await (await signInBrowser(await browser.newContext(), PEOPLE.ada.email)).newPage();
  const queueRequests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.method() === "GET" && url.pathname === "/api/v1/tickets") queueRequests.push(url.search);
  });
  // The socket passes through a route the test can cut, as a dropped connection would; while
  // `reconnectAllowed` is pending, the browser's next connection waits.
  const sockets: WebSocketRoute[] = [];
  let reconnectAllowed: Promise<void> = Promise.resolve();
  await page.routeWebSocket(/\/socket\.io\//, async (socket) => {
    await reconnectAllowed;
    socket.connectToServer();
    sockets.push(socket);
  });

  await page.goto("/inbox");
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  await expect(page.locator(`[data-ticket-id="${waiting.id}"]`)).toBeVisible();
  await page.evaluate(() => ((window as unknown as { ternNoReload: boolean }).ternNoReload = true));
  // Time for a late duplicate to show up.
  await page.waitForTimeout(1500);
  expect(queueRequests).toHaveLength(1);

  // A new ticket arrives over the socket: no request.
  const live = await createTicket(api, { subject: `Live while connected ${unique()}`, body: "Hello?", customer: { email: `live-${unique()}@example.com`, name: "Liv Live" } });
  await expect(page.locator(`[data-ticket-id="${live.id}"]`)).toBeVisible();
  expect(queueRequests).toHaveLength(1);

  // The connection drops; a ticket made meanwhile is never pushed, the reload after the reconnect brings it.
  let allowReconnect = () => undefined as void;
  reconnectAllowed = new Promise<void>((resolve) => (allowReconnect = resolve));
  await sockets.at(-1)!.close();
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
  const missed = await createTicket(api, { subject: `Made while offline ${unique()}`, body: "Anyone?", customer: { email: `off-${unique()}@example.com`, name: "Otto Offline" } });
  await page.waitForTimeout(500);
  await expect(page.locator(`[data-ticket-id="${missed.id}"]`)).toHaveCount(0);
  allowReconnect();
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live", { timeout: 15_000 });
  await expect(page.locator(`[data-ticket-id="${missed.id}"]`)).toBeVisible();
  expect(queueRequests).toHaveLength(2);
  expect(queueRequests[1]).toBe(queueRequests[0]);
  await expectNoReload(page);
  await page.context().close();
  await api.dispose();
});

test("a ticket made while the first queue answer is on its way shows up, with no second request", async ({ browser, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  await signIn(api, PEOPLE.supervisor.email);
  const page = await (await signInBrowser(await browser.newContext(), PEOPLE.ada.email)).newPage();
  const queueRequests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.method() === "GET" && url.pathname === "/api/v1/tickets") queueRequests.push(url.search);
  });
  const subject = `Made during the first load ${unique()}`;
  let pushed = () => undefined as void;
  const eventPushed = new Promise<void>((resolve) => (pushed = resolve));
  page.on("websocket", (socket) =>
    socket.on("framereceived", (frame) => {
      if (String(frame.payload).includes("ticket:created") && String(frame.payload).includes(subject)) pushed();
    }),
  );
  // The server reads the queue, then the ticket is made and pushed, and only then does the answer
  // reach the page: the answer does not have the ticket, the event came before it.
  await page.route(
    (url) => url.pathname === "/api/v1/tickets",
    async (route) => {
      const answer = await route.fetch();
      await page.waitForSelector('[data-testid="connection-state"][data-state="live"]');
      const ticket = await createTicket(api, { subject, body: "Hello?", customer: { email: `early-${unique()}@example.com`, name: "Eddie Early" } });
      expect(((await answer.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id)).not.toContain(ticket.id);
      await eventPushed;
      await route.fulfill({ response: answer });
    },
    { times: 1 },
  );

  await page.goto("/inbox");
  await expect(page.getByTestId("queue-item").filter({ hasText: subject })).toBeVisible();
  await page.waitForTimeout(1000);
  expect(queueRequests).toHaveLength(1);
  await page.context().close();
  await api.dispose();
});
