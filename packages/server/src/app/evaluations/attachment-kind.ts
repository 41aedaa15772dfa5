/**
 * The kinds of 佐证材料 accepted, each decided by the file's first bytes AND its extension: a name alone would let
 * a page (.html renamed .pdf) or a program in, and the bytes alone would let a .zip pass as a .docx by name. The
 * media type stored and served is the kind's, never the one the client sent, so a file can never be served back
 * as something a browser runs.
 */

export interface AttachmentKind {
  /** Extensions (lower case, without the dot). */
  readonly extensions: readonly string[];
  readonly mediaType: string;
  /** What the kind is called in messages. */
  readonly label: string;
  readonly signature: 'pdf' | 'jpeg' | 'png' | 'zip' | 'ole';
}

/** Zip containers (.docx, .xlsx, .ofd) and OLE compound files (.doc, .xls) are told apart by their extension only. */
export const ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  { extensions: ['pdf'], mediaType: 'application/pdf', label: 'PDF 文件', signature: 'pdf' },
  { extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg', label: 'JPEG 图片', signature: 'jpeg' },
  { extensions: ['png'], mediaType: 'image/png', label: 'PNG 图片', signature: 'png' },
  { extensions: ['docx'], mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档（.docx）', signature: 'zip' },
  { extensions: ['xlsx'], mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 工作簿（.xlsx）', signature: 'zip' },
  { extensions: ['doc'], mediaType: 'application/msword', label: 'Word 97–2003 文档（.doc）', signature: 'ole' },
  { extensions: ['xls'], mediaType: 'application/vnd.ms-excel', label: 'Excel 97–2003 工作簿（.xls）', signature: 'ole' },
  // GB/T 33190 版式文档: a zip container like .docx.
  { extensions: ['ofd'], mediaType: 'application/ofd', label: 'OFD 版式文件', signature: 'zip' },
  { extensions: ['zip'], mediaType: 'application/zip', label: 'ZIP 压缩包', signature: 'zip' },
];

const SIGNATURES: Readonly<Record<AttachmentKind['signature'], readonly number[]>> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  jpeg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  zip: [0x50, 0x4b, 0x03, 0x04], // PK\3\4: a zip with at least one entry
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
};

export const SUPPORTED_KINDS = '支持 PDF、图片、Word、Excel、OFD、ZIP';

export type KindResult = { readonly ok: true; readonly kind: AttachmentKind } | { readonly ok: false; readonly message: string };

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** The kind of a file by its name and bytes; a refusal says in Chinese what is wrong with it. */
export function attachmentKind(fileName: string, bytes: Uint8Array): KindResult {
  const refuse = (why: string): KindResult => ({ ok: false, message: `不支持的佐证材料格式：“${fileName}”${why}（${SUPPORTED_KINDS}）` });
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  if (!extension) return refuse('没有扩展名');
  const kind = ATTACHMENT_KINDS.find((k) => k.extensions.includes(extension));
  if (!kind) return refuse(`的类型 .${extension} 不在支持之列`);
  if (!startsWith(bytes, SIGNATURES[kind.signature])) return refuse(`的内容不是 ${kind.label}，与扩展名 .${extension} 不符`);
  return { ok: true, kind };
}
