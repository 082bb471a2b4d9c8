import { spawn } from "node:child_process";

export type PeerInstance = { url: string; port: number; close: () => Promise<void> };

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts a second Tern instance (e2e/start-peer.ts) beside the e2e server at `baseURL`: same
 * build, same database, same environment, another port. Resolves once it answers /api/health.
 */
export async function startPeerInstance(baseURL: string): Promise<PeerInstance> {
  const appPort = Number(new URL(baseURL).port);
  // An offset, so runs on nearby TERN_E2E_PORTs never collide (the emulators sit at +1000 and +2000).
  const peerPort = appPort + 500;
  const child = spawn(process.execPath, ["--import", "tsx", "e2e/start-peer.ts"], {
    env: { ...process.env, TERN_E2E_PORT: String(appPort), TERN_PEER_PORT: String(peerPort) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = `http://localhost:${peerPort}`;
  const deadline = Date.now() + 90_000;
  while (!(await healthy(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the peer instance did not start:\n${output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    port: peerPort,
    close: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
