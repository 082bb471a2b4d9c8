import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RouteModule = Partial<Record<RouteMethod, (request: Request, context: { params: Promise<never> }) => Promise<Response>>>;

export const ROUTE_METHODS: readonly RouteMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The /api/v1 folder on disk: tests walk it so routes added later are covered without editing them. */
export const V1_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");

/** Every route.ts under dir; the [...path] catch-all only answers unknown paths, so it is left out. */
export function routeFiles(dir: string = V1_DIR): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) return entry === "[...path]" ? [] : routeFiles(full);
      return entry === "route.ts" ? [full] : [];
    });
}

/** `/tickets/[id]/messages` for a route file under V1_DIR. */
export function routePath(file: string): string {
  return `/${path.relative(V1_DIR, path.dirname(file)).split(path.sep).join("/")}`;
}

/** The names of a route's dynamic segments, in order (`["messageId", "index"]`). */
export function paramNames(route: string): string[] {
  return [...route.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!);
}

/** The route with its dynamic segments filled in (URL-encoded). */
export function concreteRoute(route: string, params: Record<string, string> | null): string {
  return route.replace(/\[(\w+)\]/g, (_whole, name: string) => encodeURIComponent(params?.[name] ?? ""));
}
