// The look shared by receipts and ticket bundles, so both read as papers from one platform.
import type { CustomTableLayout, Style } from 'pdfmake/interfaces';

export const INK = '#1f2933';
export const MUTED = '#616e7c';
export const ACCENT = '#1d3c6e';
export const RULE = '#cbd2d9';
export const SHADE = '#eef2f7';
export const ALERT = '#b42318';

/** A4 with room at the bottom for the footer. */
export const PAGE_MARGINS: [number, number, number, number] = [44, 44, 44, 56];

export const baseStyles: Record<string, Style> = {
  brand: { fontSize: 13, bold: true, color: ACCENT },
  title: { fontSize: 20, bold: true, color: INK },
  label: { fontSize: 8, color: MUTED },
  small: { fontSize: 8.5, color: MUTED },
  sectionTitle: { fontSize: 10.5, bold: true, color: INK },
  tableHeader: { fontSize: 8.5, bold: true, color: MUTED },
};

/** Thin rules under the header row and between rows, none on the sides. */
export const quietTable: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === 1 ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  fillColor: (row) => (row === 0 ? SHADE : null),
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 5,
  paddingBottom: () => 5,
};

/** A label/value grid with no lines at all. */
export const bareTable: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: () => 0,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

export const rule = (width: number, color = RULE, lineWidth = 0.8) => ({
  canvas: [{ type: 'line' as const, x1: 0, y1: 0, x2: width, y2: 0, lineWidth, lineColor: color }],
});

/** Usable width of an A4 page within PAGE_MARGINS. */
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
