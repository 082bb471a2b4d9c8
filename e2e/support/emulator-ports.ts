/**
 * Where the e2e run's emulators listen: the Playwright process runs them (e2e/support/emulators.ts,
 * e2e/support/control-panel.ts) and e2e/start-server.ts points Tern at these URLs before it starts.
 * Offsets, not neighbours, so runs on nearby TERN_E2E_PORTs never collide.
 */
export function e2eEmulatorUrls(appPort: number): { bigcommerce: string; telegram: string } {
  return { bigcommerce: `http://127.0.0.1:${appPort + 1000}`, telegram: `http://127.0.0.1:${appPort + 2000}` };
}

/** The BigCommerce app the emulator knows (client id and secret for /oauth2/token and signed payloads). */
export const E2E_APP = { clientId: "tern-e2e-client", clientSecret: "tern-e2e-client-secret" } as const;
