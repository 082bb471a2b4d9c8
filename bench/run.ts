// `npm run bench`: runs every benchmark module in bench/ (each exports `benchmark`), one after
// another, and prints one table. Figures only: nothing here asserts a timing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Benchmark, BenchRow } from "./bench-types.ts";

const HELPERS = new Set(["run.ts", "bench-types.ts", "stats.ts", "generate-scale-data.ts", "scale-data-vocabulary.ts", "webhook-load.ts", "tern-process.ts"]);
const dir = import.meta.dirname;

// `run.ts --one <file> <rows.json>`: one benchmark in this process, its rows written to rows.json.
if (process.argv[2] === "--one") {
  const [file, out] = [process.argv[3]!, process.argv[4]!];
  const loaded = (await import(pathToFileURL(path.join(dir, file)).href)) as { benchmark?: Benchmark };
  const rows: BenchRow[] = [];
  if (loaded.benchmark) {
    const { benchmark } = loaded;
    console.log(`▶ ${benchmark.name}`);
    try {
      rows.push(...(await benchmark.run((line) => console.log(`  ${line}`))));
    } catch (error) {
      console.error(`  ${benchmark.name} failed:`, error);
      rows.push({ benchmark: benchmark.name, metric: "(failed)", value: "-", note: error instanceof Error ? error.message : String(error) });
      process.exitCode = 1;
    }
  }
  writeFileSync(out, JSON.stringify(rows));
  // The benchmarks leave pools and timers behind on purpose (each cleans its own database); end here.
  process.exit(process.exitCode ?? 0);
}

const only = process.argv.slice(2).filter((arg) => arg !== "--");
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".ts") && !HELPERS.has(file) && !file.endsWith(".test.ts"))
  .filter((file) => only.length === 0 || only.includes(path.basename(file, ".ts")))
  .sort();

const loadBefore = loadavg()[0]!;
const rows: BenchRow[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), "tern-bench-"));
// Each benchmark in a process of its own: each decides its own configuration and database once,
// as a Tern process does, and none inherits another's pools, caches or heap.
for (const file of files) {
  const out = path.join(scratch, `${file}.json`);
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, "run.ts"), "--one", file, out], { stdio: "inherit" });
  if (child.status !== 0) process.exitCode = 1;
  try {
    rows.push(...(JSON.parse(readFileSync(out, "utf8")) as BenchRow[]));
  } catch {
    rows.push({ benchmark: path.basename(file, ".ts"), metric: "(failed)", value: "-", note: `exited with ${child.status ?? child.signal}` });
  }
}
rmSync(scratch, { recursive: true, force: true });

const headers = ["benchmark", "metric", "value", "note"] as const;
const cells = rows.map((row) => [row.benchmark, row.metric, row.value, row.note ?? ""]);
const widths = headers.map((header, index) => Math.max(header.length, ...cells.map((line) => line[index]!.length)));
const line = (values: readonly string[]) => values.map((value, index) => value.padEnd(widths[index]!)).join(" │ ");
console.log("");
console.log(line(headers));
console.log(widths.map((width) => "─".repeat(width)).join("─┼─"));
for (const values of cells) console.log(line(values));
console.log("");
// Figures move with whatever else the machine is doing: say how busy it was.
console.log(`${process.platform}/${process.arch} · ${cpus().length} CPUs · Node ${process.version} · load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`);
process.exit(process.exitCode ?? 0);
