/** Where the emulator serves product `productId`'s picture (a small SVG, see productImageSvg). */
export function productImageUrl(baseUrl: string, productId: number): string {
  return `${baseUrl}/images/${productId}.svg`;
}

export const PRODUCT_IMAGE_PATH = /^\/images\/(\d+)\.svg$/;

/** A flat tile, its colour fixed by the product id: the same product looks the same in every run. */
export function productImageSvg(productId: number): string {
  const hue = (productId * 137) % 360;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80" viewBox="0 0 80 80">` +
    `<rect width="80" height="80" fill="hsl(${hue} 55% 62%)"/>` +
    `<text x="40" y="47" font-family="sans-serif" font-size="20" text-anchor="middle" fill="#fff">${productId}</text>` +
    `</svg>`
  );
}
