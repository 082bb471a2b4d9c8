import type { BigcommerceClient } from "./bigcommerce-client.ts";
import type { BigcommerceOrderProduct, BigcommerceProductImage } from "./bigcommerce-types.ts";

function pickImage(images: BigcommerceProductImage[]): string | null {
  const image = images.find((entry) => entry.is_thumbnail) ?? images[0];
  return image?.url_thumbnail || image?.url_standard || null;
}

async function readImage(client: BigcommerceClient, productId: number): Promise<string | null> {
  try {
    return pickImage(await client.getProductImages(productId));
  } catch {
    // A picture is decoration: a deleted product (404), a token without the products scope or a
    // tired API must not cost the order its refresh.
    return null;
  }
}

/**
 * V2 order products carry no picture, so each gets `image_url` from the V3 catalog: one request
 * per distinct product (several lines can be variants of one), none for custom products
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
  await Promise.all(missing.map(async (id) => urls.set(id, await readImage(client, id))));
  return products.map((product) => ({ ...product, image_url: urls.get(product.product_id) ?? null }));
}
