import type { DocumentModel, Finding } from '@jixiao/core';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { preflight } from '../preflight';
import type { DocumentReader } from '../document-reader';
import { installNode20Shims } from './node20-shim';
import { layOut } from './pdf-layout';
import { opIds, readPage, type OpIds, type PageContent, type PdfDocument } from './pdf-page';

/**
 * PDF bytes → DocumentModel (format 'pdf'), with unpdf's pdf.js. Each page gives its text runs with
 * coordinates and its drawn rules; `pdf-layout` rebuilds lines, paragraphs, headings and tables from them.
 * Checks run cheapest first: empty, size, whether the bytes are a PDF at all; then the document is opened
 * (encrypted → finding), at most `maxPages` pages are read, and the whole read races `timeoutMs`. Bad input
 * never throws: it comes back as findings, with whatever was read before a stop.
 */

const TIMED_OUT = Symbol('timed out');

const UNDECODABLE =
  '的文字使用了未嵌入 PDF 的字体编码（如 UniGB-UCS2-H 等 Adobe 预定义编码），无法解码，没有读取到文字；请用原软件重新导出 PDF 并嵌入字体，或直接导入 Word/Excel 原文件。';

let opsPromise: Promise<OpIds> | undefined;
function operatorIds(): Promise<OpIds> {
  opsPromise ??= getResolvedPDFJS().then((pdfjs) => opIds(pdfjs.OPS as unknown as Record<string, number>));
  return opsPromise;
}

/** What bytes that are not a PDF look like, for the message. */
function notPdf(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return undefined;
  if (head.startsWith('MZ')) return '此文件以 MZ 开头，是 Windows 可执行程序';
  if (head.startsWith('PK\u0003\u0004')) return '此文件是 zip 压缩包（可能是 .docx 或 .xlsx，请按对应格式导入）';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return '此文件是 OLE 复合文件（旧版 .doc/.xls 或加密的 Office 文档）';
  if (head.startsWith('{\\rtf')) return '此文件是 RTF 文档';
  if (/^\s*</.test(head)) return '此文件是 HTML/XML 文本';
  return '文件开头没有 PDF 的标志（%PDF-）';
}

function isPasswordError(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | null;
  return e?.name === 'PasswordException' || (typeof e?.message === 'string' && /password/i.test(e.message));
}

/** "第 2、3、5 页" for a list of page numbers (at most ten shown). */
function pageList(pages: readonly number[]): string {
  const shown = pages.slice(0, 10).join('、');
  return pages.length > 10 ? `第 ${shown} 等 ${pages.length} 页` : `第 ${shown} 页`;
}

export const readPdf: DocumentReader = async (bytes, file, limits) => {
  const refuse = (rule: string, message: string): DocumentModel => ({
    file,
    format: 'pdf',
    blocks: [],
    findings: [{ rule, severity: 'error', message, location: { file } }],
  });

  const refused = preflight(bytes, file, limits, 'pdf');
  if (refused) return refused;
  const what = notPdf(bytes);
  if (what) return refuse('import.pdf.unreadable', `「${file}」不是 PDF 文件：${what}，无法读取。`);

  installNode20Shims();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, limits.timeoutMs));
  });
  const within = <T>(work: Promise<T>): Promise<T | typeof TIMED_OUT> => Promise.race([work, timeout]);
  const seconds = `${limits.timeoutMs / 1000} 秒`;

  let doc: PdfDocument | undefined;
  try {
    const ops = await operatorIds();
    // pdf.js may take over (detach) the buffer it is given: hand it a copy, not the caller's bytes.
    const loading = getDocumentProxy(bytes.slice(), { verbosity: 0, stopAtErrors: false });
    let loaded: PdfDocument | typeof TIMED_OUT;
    try {
      loaded = await within(loading);
    } catch (error) {
      if (isPasswordError(error)) return refuse('import.pdf.encrypted', `「${file}」已加密，请提供未加密的文件（在 PDF 软件中取消打开密码后另存）。`);
      return refuse('import.pdf.unreadable', `「${file}」无法作为 PDF 读取：文件已损坏或不完整（可能在下载或复制时被截断）。`);
    }
    if (loaded === TIMED_OUT) {
      // Let the load finish in the background and free it then.
      loading.then((d) => d.loadingTask.destroy()).catch(() => undefined);
      return refuse('import.timeout', `「${file}」打开时超过了 ${seconds}的时间上限，已停止，没有读到任何内容。`);
    }
    doc = loaded;

    const findings: Finding[] = [];
    const total = doc.numPages;
    if (total === 0) return refuse('import.pdf.unreadable', `「${file}」中没有任何页面。`);
    const count = Math.min(total, Math.max(0, limits.maxPages));
    if (total > count) {
      findings.push({
        rule: 'import.pdf.too-many-pages',
        severity: 'warning',
        message: `「${file}」共 ${total} 页，超过 ${limits.maxPages} 页的上限，只读取了前 ${count} 页。`,
        location: { file },
      });
    }

    const contents: PageContent[] = [];
    const broken: number[] = [];
    let stoppedAt: number | undefined;
    for (let n = 1; n <= count; n++) {
      let result: PageContent | typeof TIMED_OUT;
      try {
        result = await within(
          doc.getPage(n).then(async (page) => {
            try {
              return await readPage(page, ops);
            } finally {
              page.cleanup();
            }
          }),
        );
      } catch {
        broken.push(n);
        continue;
      }
      if (result === TIMED_OUT) {
        stoppedAt = n;
        break;
      }
      contents.push(result);
    }

    const withText = contents.filter((c) => c.runs.length > 0);
    // Text drawn but not extracted: fonts pdf.js cannot decode (not a scan; OCR is not the fix).
    const undecodable = contents.filter((c) => c.runs.length === 0 && c.textOps > 0).map((c) => c.number);
    const blank = contents.filter((c) => c.runs.length === 0 && c.textOps === 0).map((c) => c.number);
    if (stoppedAt === undefined && withText.length === 0 && count > 0) {
      if (broken.length && broken.length === count) {
        return refuse('import.pdf.unreadable', `「${file}」的页面内容已损坏，无法读取任何一页。`);
      }
      if (undecodable.length) return refuse('import.pdf.undecodable-text', `「${file}」${UNDECODABLE}`);
      return refuse('import.pdf.no-text', `「${file}」没有可提取的文字（可能是扫描件），请先进行文字识别（OCR）后再导入。`);
    }

    const { blocks, findings: layoutFindings } = layOut(contents, file, limits.maxTableRows);
    findings.push(...layoutFindings);
    if (broken.length) {
      findings.push({
        rule: 'import.pdf.page-unreadable',
        severity: 'error',
        message: `「${file}」${pageList(broken)}已损坏，无法读取，这些页的内容缺失。`,
        location: { file, page: broken[0] },
      });
    }
    if (undecodable.length) {
      findings.push({
        rule: 'import.pdf.undecodable-text',
        severity: 'error',
        message: `「${file}」${pageList(undecodable)}${UNDECODABLE}`,
        location: { file, page: undecodable[0] },
      });
    }
    if (blank.length) {
      findings.push({
        rule: 'import.pdf.page-no-text',
        severity: 'warning',
        message: `「${file}」${pageList(blank)}没有可提取的文字（可能是扫描页或图片），这些页的内容未读取；如有内容请先进行文字识别（OCR）。`,
        location: { file, page: blank[0] },
      });
    }
    if (contents.some((c) => c.runs.length > 0 && !c.rulesRead)) {
      findings.push({
        rule: 'import.pdf.rules-unreadable',
        severity: 'info',
        message: `「${file}」部分页面的表格线无法读取，这些页上的表格按文字位置拆分，合并单元格可能不准确。`,
        location: { file },
      });
    }
    if (stoppedAt !== undefined) {
      const read = contents.length;
      findings.push({
        rule: 'import.timeout',
        severity: 'error',
        message: `「${file}」读取超过了 ${seconds}的时间上限，已停止：共 ${total} 页，只读取了前 ${read} 页${read === 0 ? '，没有读到任何内容' : ''}。`,
        location: { file, page: stoppedAt },
      });
    }
    return { file, format: 'pdf', blocks, findings };
  } finally {
    clearTimeout(timer);
    if (doc) await doc.loadingTask.destroy().catch(() => undefined);
  }
};
