// The two exports of the platform: a PDF with one code a page, an Excel workbook with every
// code in column K. Built by the core from this workstation's copy, then downloaded.
import type { MethodInput } from '../../../src-main/contract/methods.std.ts';
import type { Language } from '../../../src-main/contract/schemas.std.ts';
import { downloadBase64 } from '../../format/download.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';

const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function exportVouchers(scope: MethodInput<'vouchers.export'>['scope'], format: 'pdf' | 'xlsx', language: Language): Promise<void> {
  const file = await attempt('vouchers.export', { scope, format, language });
  if (!file) return;
  downloadBase64(file.fileName, file.base64, TYPES[format]);
  useNotices.getState().say('vouchers.exported', { count: file.count, file: file.fileName });
}
