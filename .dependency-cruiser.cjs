/**
 * Tern's import rules (ARCHITECTURE.md). `npm run deps` checks them, and `npm run lint` (a stage
 * of `npm test`) runs it.
 */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", comment: "An import cycle: split the shared part out, or turn the call into a domain event.", from: {}, to: { circular: true } },
    {
      name: "lib-not-ui",
      severity: "error",
      comment: "lib is the domain: it never imports the app's routes or components.",
      from: { path: "^lib/", pathNot: ["^lib/testing/", "\\.test\\.ts$"] },
      to: { path: "^(app|components)/" },
    },
    {
      name: "emulators-only-demo-and-tests",
      severity: "error",
      comment: "The emulators stand in for BigCommerce and Telegram only in demo mode, tests and benches.",
      from: { path: "^(lib|app|components)/", pathNot: ["^lib/emulators/", "^lib/demo/", "^lib/testing/", "^lib/reliability/", "^lib/telegram/demo/", "\\.test\\.ts$"] },
      to: { path: "^lib/emulators/" },
    },
    {
      name: "domain-events-know-no-subscriber",
      severity: "error",
      comment: "The outbox carries events; the modules that react to them register as subscribers at start, it never imports them.",
      from: { path: "^lib/domain-events/", pathNot: "\\.test\\.ts$" },
      to: { path: "^lib/", pathNot: "^lib/(domain-events|db|generated)/" },
    },
    {
      name: "tickets-no-push-telegram-or-sla",
      severity: "error",
      comment: "A ticket change records domain events: the inbox's pushes and the Telegram channel react to them. SLA builds on tickets and the lifecycle, not the reverse.",
      from: { path: "^lib/tickets/", pathNot: "\\.test\\.ts$" },
      to: { path: "^lib/(telegram|realtime|sla)/" },
    },
    {
      name: "ticket-lifecycle-no-channel",
      severity: "error",
      comment: "The ticket lifecycle (statuses, moves, snooze, SLA clocks, customer messages) is what SLA, routing, metrics and the channels build on; it imports none of them.",
      from: { path: "^lib/ticket-lifecycle/" },
      to: { path: "^lib/(telegram|bigcommerce|realtime|sla|routing|metrics)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib/generated|node_modules|\\.next)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
