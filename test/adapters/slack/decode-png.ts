import { inflateSync } from 'node:zlib'

/** A decoded image: width, height and RGBA bytes (4 per pixel). */
export type Pixels = { width: number; height: number; rgba: Uint8Array }

/** Decodes the 8-bit, non-interlaced RGB/RGBA PNGs Chromium writes, so tests can count pixels. */
export function decodePng(png: Buffer): Pixels {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG')
  let off = 8
  let width = 0, height = 0, colorType = 0
  const idat: Buffer[] = []
  while (off < png.length) {
    const len = png.readUInt32BE(off)
    const type = png.toString('ascii', off + 4, off + 8)
    const data = png.subarray(off + 8, off + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      colorType = data[9]
      if (data[8] !== 8 || data[12] !== 0 || (colorType !== 2 && colorType !== 6)) throw new Error('unsupported PNG layout')
    } else if (type === 'IDAT') idat.push(data)
    off += 12 + len
  }
  const bpp = colorType === 6 ? 4 : 3
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * bpp
  const out = new Uint8Array(width * height * 4)
  let prev = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)))
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0
      const b = prev[i]
      const c = i >= bpp ? prev[i - bpp] : 0
      const p = a + b - c
      const pred = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? (Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c) : 0
      line[i] = (line[i] + pred) & 0xff
    }
    for (let x = 0; x < width; x++) {
      out.set([line[x * bpp], line[x * bpp + 1], line[x * bpp + 2], bpp === 4 ? line[x * bpp + 3] : 255], (y * width + x) * 4)
    }
    prev = line
  }
  return { width, height, rgba: out }
}

/** Pixels darker than mid-grey (text and axes on the white background), optionally within a band of rows. */
export function darkPixels(img: Pixels, rows: [number, number] = [0, img.height]): number {
  let n = 0
  for (let y = rows[0]; y < Math.min(rows[1], img.height); y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4
      if (0.299 * img.rgba[i] + 0.587 * img.rgba[i + 1] + 0.114 * img.rgba[i + 2] < 128) n++
    }
  }
  return n
}
