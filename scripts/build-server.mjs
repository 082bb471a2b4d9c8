// Compiles the custom server and the worker process to plain JavaScript (.tern/), so that
// `npm start` runs them with node alone. Loaded through tsx, each process also kept tsx's loader
// thread and its transpile caches: some 70 MB of resident memory apiece (docs/performance.md).
// Packages stay in node_modules; only Tern's own code is bundled.
import { build } from "esbuild";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = path.join(root, ".tern");

// Modules that find files next to themselves (migrations, demo photos, the embedded database's
// package) keep their own location once bundled into one file.
const keepModuleLocations = {
  name: "keep-module-locations",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, "utf8");
      return { contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
    });
  },
};

// Chunk names change with their content: last build's must not linger.
await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { server: "server.ts", "worker-process": "lib/server/worker-process.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // server.ts sets NODE_ENV before it imports the rest: kept as chunks loaded by import(), whose
  // packages (React picks its build by NODE_ENV as it loads) load only then, not first.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  packages: "external",
  tsconfig: "tsconfig.json",
  define: { TERN_COMPILED_WORKER: JSON.stringify(path.join(outdir, "worker-process.mjs")) },
  plugins: [keepModuleLocations],
  logLevel: "warning",
});
