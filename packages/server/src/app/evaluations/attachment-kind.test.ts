import { describe, expect, it } from 'vitest';
import { attachmentKind } from './attachment-kind';

const bytes = (...parts: (string | number[])[]): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === 'string' ? [...new TextEncoder().encode(p)] : p));
  return new Uint8Array(out);
};

const PDF = bytes('%PDF-1.4\n%\u00e2\u00e3\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const ZIP = bytes('PK', [3, 4, 20, 0]);
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
const EXE = bytes('MZ', [0x90, 0, 3, 0]);
const HTML = bytes('<!doctype html><script>alert(1)</script>');

describe('attachmentKind', () => {
  it.each([
    ['通知.pdf', PDF, 'application/pdf'],
    ['照片.JPG', JPEG, 'image/jpeg'],
    ['照片.jpeg', JPEG, 'image/jpeg'],
    ['截图.png', PNG, 'image/png'],
    ['文件.docx', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['清单.xlsx', ZIP, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['旧文件.doc', OLE, 'application/msword'],
    ['旧表.xls', OLE, 'application/vnd.ms-excel'],
    ['发票.ofd', ZIP, 'application/ofd'],
    ['材料.zip', ZIP, 'application/zip'],
  ])('accepts %s as %s', (name, content, mediaType) => {
    const result = attachmentKind(name, content);
    expect(result.ok && result.kind.mediaType).toBe(mediaType);
  });

  it('refuses a page or a program renamed to an accepted extension', () => {
    expect(attachmentKind('通知.pdf', HTML)).toEqual({ ok: false, message: '不支持的佐证材料格式：“通知.pdf”的内容不是 PDF 文件，与扩展名 .pdf 不符（支持 PDF、图片、Word、Excel、OFD、ZIP）' });
    expect(attachmentKind('setup.pdf', EXE)).toMatchObject({ ok: false });
    // Right family, wrong member: an OLE file is no .docx, a zip no .doc.
    expect(attachmentKind('文件.docx', OLE)).toMatchObject({ ok: false, message: expect.stringContaining('的内容不是 Word 文档（.docx），与扩展名 .docx 不符') as unknown });
    expect(attachmentKind('文件.doc', ZIP)).toMatchObject({ ok: false });
    // A PDF header later in the file does not count.
    expect(attachmentKind('通知.pdf', bytes(' ', [...PDF]))).toMatchObject({ ok: false });
  });

  it('refuses other extensions and names without one, whatever the bytes', () => {
    expect(attachmentKind('页面.html', HTML)).toEqual({ ok: false, message: '不支持的佐证材料格式：“页面.html”的类型 .html 不在支持之列（支持 PDF、图片、Word、Excel、OFD、ZIP）' });
    expect(attachmentKind('setup.exe', EXE)).toMatchObject({ ok: false, message: expect.stringContaining('的类型 .exe 不在支持之列') as unknown });
    expect(attachmentKind('矢量图.svg', bytes('<svg/>'))).toMatchObject({ ok: false });
    expect(attachmentKind('README', PDF)).toEqual({ ok: false, message: '不支持的佐证材料格式：“README”没有扩展名（支持 PDF、图片、Word、Excel、OFD、ZIP）' });
    expect(attachmentKind('.pdf', PDF)).toMatchObject({ ok: false });
    expect(attachmentKind('空.pdf', new Uint8Array(0))).toMatchObject({ ok: false });
  });
});
