import type { Config } from "tailwindcss";

// Tailwind 4 reads its theme from app/globals.css (@theme); this file names the shared tokens
// for tools that still look for a config, and is loaded there with @config.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        tern: { 50: "#eef6ff", 100: "#d9eaff", 500: "#2f6fde", 600: "#2158c0", 700: "#1b4699", 900: "#0f2652" },
      },
    },
  },
};

export default config;
