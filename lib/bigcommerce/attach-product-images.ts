import type { BigcommerceClient } from "./bigcommerce-client.ts";
import type { BigcommerceOrderProduct, BigcommerceProductImage } from "./bigcommerce-types.ts";

function pickImage(images: BigcommerceProductImage[]): string | null {
  const image = images.find((entry) => entry.is_thumbnail) ?? images[0];
  return image?.url_thumbnail || image?.url_standard || null;
}

// A flash sale sells the same few products in every order: a product's picture is read once a
// minute per store, not once per order. Bounded, since product ids come from outside.
const IMAGE_KEEP_MS = 60_000;
const MAX_IMAGES = 5_000;
const recentImages = new Map<string, { at: number; url: Promise<string | null> }>();

function recentImage(client: BigcommerceClient, productId: number): Promise<string | null> {
  const key = `${client.apiUrl}|${client.storeHash}|${productId}`;
  const now = Date.now();
  const recent = recentImages.get(key);
  if (recent && now - recent.at < IMAGE_KEEP_MS) return recent.url;
  recentImages.delete(key);
  // Map order is insertion order: the oldest go first.
  for (const oldest of recentImages.keys()) {
    if (recentImages.size < MAX_IMAGES) break;
    recentImages.delete(oldest);
  }
  const url = client.getProductImages(productId).then(pickImage);
  const entry = { at: now, url };
  recentImages.set(key, entry);
  // A failed read is not remembered: the next order asks again.
  return url.catch(() => {
    if (recentImages.get(key) === entry) recentImages.delete(key);
    // A picture is decoration: a deleted product (404), a token without the products scope or a
    // tired API must not cost the order its refresh.
    return null;
  });
}

/**
 * V2 order products carry no picture, so each gets `image_url` from the V3 catalog: one request
 * per distinct product (several lines can be variants of one) and minute, none for custom products
 * (product_id 0), and none for products whose picture Tern already had from `known` (an earlier
 * read of the same order). The calls share the client's rate-limit gate.
 */
export async function attachProductImages(
  client: BigcommerceClient,
  products: BigcommerceOrderProduct[],
  known: BigcommerceOrderProduct[] = [],
): Promise<BigcommerceOrderProduct[]> {
  const urls = new Map<number, string | null>();
  for (const product of known) {
    if (product.image_url) urls.set(product.product_id, product.image_url);
  }
  const missing = [...new Set(products.map((product) => product.product_id))].filter((id) => id > 0 && !urls.has(id));
  await Promise.all(missing.map(async (id) => urls.set(id, await recentImage(client, id))));
  return products.map((product) => ({ ...product, image_url: urls.get(product.product_id) ?? null }));
}
