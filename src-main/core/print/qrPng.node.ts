// A QR code as a PNG data URL for pdfmake (the tickets the central service e-mails), drawn
// from the same matrix as the desk's bundles. qrcode's own toDataURL took 99 ms a code at the
// scale that keeps module edges sharp once enlarged on the page; this takes about 6: a
// 75-ticket e-mail no longer holds the central service's event loop for seconds.
import { PNG } from 'pngjs';
import { qrModules } from './bundle/qrImage.node.ts';

/** Pixels per module: sharp edges at the 300 points a ticket page gives the code. */
const SCALE = 10;

export function qrPngDataUrl(text: string): string {
  const { size, dark } = qrModules(text);
  const side = size * SCALE;
  const png = new PNG({ width: side, height: side, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  const gray = Buffer.alloc(side * side, 0xff);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!dark(x, y)) continue;
      for (let dy = 0; dy < SCALE; dy++) gray.fill(0, (y * SCALE + dy) * side + x * SCALE, (y * SCALE + dy) * side + (x + 1) * SCALE);
    }
  }
  png.data = gray;
  // No per-row filter search: a QR code's rows are flat runs that deflate well as they are.
  const file = PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, filterType: 0 });
  return `data:image/png;base64,${file.toString('base64')}`;
}
