// A QR code as a 1-bit image, the smallest way to put one on a PDF page: a version-13 code is
// 77 × 77 pixels with its quiet zone, about 750 bytes, drawn at any size without smoothing.
// Vector squares would be 20 KB of path per page before compression.
import QRCode from 'qrcode';

/** The 4-module quiet zone a scanner needs to find the code, from paper or a phone screen. */
const QUIET = 4;

export interface QrImage {
  /** Pixels per side, quiet zone included. */
  size: number;
  /** Rows of packed bits, most significant first; 1 is white (DeviceGray, 1 bit per pixel). */
  bits: Buffer;
}

// The text is all ASCII (base64url and dots), so one byte-mode segment of its bytes: letting qrcode split it
// into modes costs more time than it saves space. The mask is fixed: qrcode scores all eight
// to pick one, which is 90 % of its time for a ticket code; any mask is valid, every scanner
// reads all eight, and the tests decode every printed code from rendered pages.
const OPTIONS = { errorCorrectionLevel: 'M', maskPattern: 2 } as const;

/** The code's modules with its quiet zone: `size` per side, `dark(x, y)` for each. */
export function qrModules(text: string): { size: number; dark(x: number, y: number): boolean } {
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'latin1'), mode: 'byte' }], OPTIONS);
  const inner = modules.size;
  return {
    size: inner + 2 * QUIET,
    dark: (x, y) => x >= QUIET && y >= QUIET && x < inner + QUIET && y < inner + QUIET && modules.data[(y - QUIET) * inner + x - QUIET] === 1,
  };
}

export function qrImage(text: string): QrImage {
  const { size, dark } = qrModules(text);
  const rowBytes = Math.ceil(size / 8);
  const bits = Buffer.alloc(rowBytes * size, 0xff);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (dark(x, y)) bits[y * rowBytes + (x >> 3)]! &= ~(0x80 >> (x & 7));
  }
  return { size, bits };
}
