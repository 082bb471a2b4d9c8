import { runtimeConfig } from "@/lib/config/runtime-config.ts";

/** The BigCommerce REST base URL of this Tern (the emulator's in demo mode). A store's API lives under `<this>/stores/{hash}`. */
export function bigcommerceApiUrl(): string {
  return runtimeConfig().bigcommerce.apiUrl;
}
