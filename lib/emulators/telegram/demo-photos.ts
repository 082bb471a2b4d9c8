import { readFileSync } from "node:fs";

/** A photo as Telegram keeps it: the picture, and the small size it sends beside it. */
export type DemoPhoto = { name: string; photo: Buffer; thumb: Buffer; width: number; height: number };

const NAMES = ["parcel", "packing-slip", "size-label"] as const;

function load(name: string): DemoPhoto {
  const folder = new URL("./photos/", import.meta.url);
  return { name, photo: readFileSync(new URL(`${name}.jpg`, folder)), thumb: readFileSync(new URL(`${name}.thumb.jpg`, folder)), width: 800, height: 600 };
}

/**
 * What simulated customers photograph (a dented parcel, a packing slip with an item missing, a
 * size label): real JPEGs, small enough for the repository, so every photo in a demo inbox renders.
 */
export const DEMO_PHOTOS: readonly DemoPhoto[] = NAMES.map(load);
