// `npm test`: every check a change must pass, in order, with one closing count.
// Lint, types and the migration drift check first (cheap), then unit, integration
// (real PostgreSQL), a production build, and the Playwright e2e suite in Debian's Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const reports = "test-results/reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const stages = [
  { name: "lint", command: ["npm", "run", "lint"] },
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  { name: "migrations match schema", command: ["npx", "tsx", "scripts/check-migrations.ts"] },
  { name: "unit", command: ["npx", "vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile=${reports}/unit.json`], report: "vitest", file: `${reports}/unit.json` },
  { name: "integration", command: ["npx", "vitest", "run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile=${reports}/integration.json`], report: "vitest", file: `${reports}/integration.json` },
  { name: "build", command: ["npm", "run", "build"] },
  { name: "e2e", command: ["npx", "playwright", "test"], report: "playwright", file: `${reports}/e2e.json`, env: { PLAYWRIGHT_JSON_OUTPUT_FILE: `${reports}/e2e.json` }, needs: "build" },
];

function countVitest(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function countPlaywright(file) {
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];
for (const stage of stages) {
  if (stage.needs && failedStages.includes(stage.needs)) {
    console.log(`\n▶ ${stage.name}: skipped (${stage.needs} failed)`);
    failedStages.push(stage.name);
    continue;
  }
  console.log(`\n▶ ${stage.name}`);
  const started = Date.now();
  const result = spawnSync(stage.command[0], stage.command.slice(1), { stdio: "inherit", env: { ...process.env, ...stage.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  if (stage.report && existsSync(stage.file)) {
    const counts = stage.report === "vitest" ? countVitest(stage.file) : countPlaywright(stage.file);
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  } else if (stage.report) {
    totals.failed += 1;
  }
  console.log(`${ok ? "✔" : "✘"} ${stage.name} (${seconds} s)`);
  if (!ok) failedStages.push(stage.name);
}

console.log("");
if (failedStages.length) console.log(`failed stages: ${failedStages.join(", ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStages.length ? 1 : 0);
