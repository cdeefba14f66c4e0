// Draws a QR code on a PDFKit page as a 1-bit image XObject (qrImage.node.ts): the smallest
// way to put one on a page, drawn at any size without smoothing. Shared by ticket bundles and
// voucher exports, where a document is thousands of pages.
import { qrImage } from './bundle/qrImage.node.ts';

type Doc = PDFKit.PDFDocument;

/** Each image needs a name unique within its document. */
const drawn = new WeakMap<Doc, number>();

export function drawQr(doc: Doc, text: string, x: number, y: number, side: number): void {
  const { size, bits } = qrImage(text);
  const image = doc.ref({
    Type: 'XObject', Subtype: 'Image', Width: size, Height: size, BitsPerComponent: 1, ColorSpace: 'DeviceGray', Interpolate: false,
  });
  // 1-bit QR pixels barely deflate (a tenth smaller) and a zlib call per page is dear.
  image.compress = false;
  image.end(bits);
  const count = (drawn.get(doc) ?? 0) + 1;
  drawn.set(doc, count);
  const name = `Q${count}`;
  (doc.page as unknown as { xobjects: Record<string, unknown> }).xobjects[name] = image;
  doc.save();
  doc.transform(side, 0, 0, -side, x, y + side);
  doc.addContent(`/${name} Do`);
  doc.restore();
}
