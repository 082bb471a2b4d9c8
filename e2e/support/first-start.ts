import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Tern started exactly as `npm start` starts it, after its build: the start script's last command,
 * from the checkout's folder, with the environment a newcomer has. Nothing of the e2e world
 * (emulators, database, configuration) is passed on: only a port and a data directory.
 */
export type StartedTern = {
  url: string;
  output: () => string;
  /** The worker process the web process runs beside itself, from /proc (its pid changes when it is restarted). */
  workerPid: () => number | null;
  /** Ctrl+C in its terminal: SIGINT to its whole process group. Resolves with its exit code. */
  stop: () => Promise<number | null>;
};

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

// Variables Tern reads; a newcomer's shell has none of them.
const TERN_VARIABLES = /^(DATABASE_URL|PORT|HOSTNAME|NODE_ENV|NEXTAUTH_.*|BIGCOMMERCE_.*|TELEGRAM_.*|REDIS_URL|TERN_.*)$/;

/** `npm start` is `next build && <the server>`; the build already ran (the test stage before e2e). */
export function startCommand(): string {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
  const command = scripts.start!.split("&&").at(-1)!.trim();
  if (!command.startsWith("node ")) throw new Error(`unexpected start script: ${scripts.start}`);
  return command;
}

export async function startAsNewcomer(input: { port: number; dataDir: string; timeoutMs?: number }): Promise<StartedTern> {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) if (!TERN_VARIABLES.test(name)) env[name] = value;
  env.PORT = String(input.port);
  env.TERN_DATA_DIR = input.dataDir;
  // A process group of its own, as a terminal gives a command: stop() sends Ctrl+C's SIGINT to all
  // of it (the server, its worker and, without DATABASE_URL, the embedded PostgreSQL).
  const child: ChildProcess = spawn("sh", ["-c", `exec ${startCommand()}`], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const lines: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => lines.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => lines.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + (input.timeoutMs ?? 120_000);
  while (!lines.join("").includes("Tern is up at")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Tern did not come up:\n${lines.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `http://localhost:${input.port}`,
    output: () => lines.join(""),
    workerPid: () => childrenOf(child.pid!).find((pid) => commandLineOf(pid).includes("worker-process.")) ?? null,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGINT");
      } catch {
        // Already gone.
      }
      return exited;
    },
  };
}
