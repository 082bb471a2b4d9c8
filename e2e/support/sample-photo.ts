import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/**
 * A small real PNG for a simulated customer's photo (a green "terrarium" with a crack across it),
 * so the inbox's preview has an image to decode. Made here: no binary fixtures in the repository.
 */
export function samplePhoto(width = 240, height = 160): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const crack = Math.abs(y - (height * 0.25 + x * 0.45 + Math.sin(x / 7) * 6)) < 1.6;
      const glass = Math.hypot(x - width / 2, y - height * 0.55) < height * 0.42;
      const [r, g, b] = crack ? [250, 250, 250] : glass ? [70 + (y % 40), 150 + (x % 30), 90] : [226, 232, 240];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}
