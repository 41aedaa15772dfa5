import type { DocumentBlock, DocumentModel, Finding } from '@jixiao/core';
import type JSZip from 'jszip';
import { preflight } from '../preflight';
import type { DocumentReader } from '../document-reader';
import type { ImportLimits } from '../limits';
import { BodyReader } from './docx-body';
import { NO_NUMBERING, NumberingCounter, NumberingReader } from './docx-numbering';
import { locateParts, openZip, PartStopped, sniff, streamPart, type PartStop, type ReadBudget, type Sniffed, type ZipDirectory } from './docx-package';
import { Styles, StylesReader } from './docx-styles';
import { XmlWalker, type XmlHandler } from './xml-walker';

/**
 * .docx bytes → DocumentModel. The checks run cheapest first and before anything is inflated: empty, file
 * size, what the bytes are (OLE = encrypted or legacy .doc), the zip directory, and the sizes it declares
 * (total and ratio). Parts are then inflated as streams under the same budget and a deadline, and
 * word/document.xml is read by a SAX walk (with styles.xml and numbering.xml for headings and automatic
 * numbering). Bad input never throws: it comes back as findings, with whatever was read before the stop.
 */
export const readDocx: DocumentReader = async (bytes, file, limits) => {
  const started = Date.now();
  const refuse = (rule: string, message: string): DocumentModel => ({
    file,
    format: 'docx',
    blocks: [],
    findings: [{ rule, severity: 'error', message, location: { file } }],
  });

  const refused = preflight(bytes, file, limits, 'docx');
  if (refused) return refused;
  const kind = sniff(bytes);
  if (kind === 'ole') {
    return refuse(
      'import.encrypted-or-legacy',
      `「${file}」是 OLE 复合文件（以 D0 CF 11 E0 开头）：要么是设置了打开密码的加密 .docx，要么是旧版二进制 Word 文档（.doc），无法直接读取。请在 Word 中取消密码后另存为 .docx，或用 LibreOffice 转换为 .docx 后再导入。`,
    );
  }
  if (kind !== 'zip') return refuse('import.docx.not-zip', `「${file}」不是 .docx 文件：.docx 是 zip 压缩包，${NOT_ZIP[kind]}，未读取。`);

  let dir: ZipDirectory;
  try {
    dir = await openZip(bytes);
  } catch {
    return refuse('import.docx.corrupt', `「${file}」的 zip 结构已损坏或文件不完整（可能在下载或复制时被截断），无法读取。`);
  }

  if (dir.declaredBytes > limits.maxUnzippedBytes) {
    return refuse(
      'import.zip-bomb',
      `「${file}」解压后共 ${size(dir.declaredBytes)}，超过解压后 ${size(limits.maxUnzippedBytes)} 的上限，疑似压缩炸弹，未解压。`,
    );
  }
  const ratio = dir.declaredBytes / bytes.length;
  if (ratio > limits.maxCompressionRatio) {
    return refuse(
      'import.zip-bomb',
      `「${file}」压缩后 ${size(bytes.length)}，解压后 ${size(dir.declaredBytes)}，压缩比 ${Math.round(ratio)} 倍，超过 ${limits.maxCompressionRatio} 倍的上限，疑似压缩炸弹，未解压。`,
    );
  }

  const budget: ReadBudget = {
    maxBytes: Math.min(limits.maxUnzippedBytes, limits.maxCompressionRatio * bytes.length),
    deadline: started + limits.timeoutMs,
    used: 0,
  };
  const findings: Finding[] = [];
  try {
    const parts = await locateParts(dir, budget);
    if (parts.document === undefined) return refuse('import.docx.not-word', `「${file}」是 zip 压缩包，但其中没有 Word 正文（word/document.xml）${whatZip(dir)}，未读取。`);

    const styles = await readOptionalPart(parts.styles, budget, new StylesReader(), findings, file);
    const numbering = await readOptionalPart(parts.numbering, budget, new NumberingReader(), findings, file);
    const styleSet = styles?.result() ?? new Styles();
    const body = new BodyReader({
      file,
      styles: styleSet,
      numbering: new NumberingCounter(numbering?.result() ?? NO_NUMBERING, styleSet),
      maxTableRows: limits.maxTableRows,
    });
    const stopped = await walkPart(parts.document, budget, body);
    const all = [...findings, ...body.findings];
    if (stopped !== undefined) all.push(stopFinding(stopped, file, limits, body.blocks));
    return { file, format: 'docx', blocks: body.blocks, findings: all };
  } catch (error) {
    if (error instanceof PartStopped) return refuse(...ruleAndMessage(error.stop, file, limits));
    throw error;
  }
};

/** Why a part could not be read to its end. */
type WalkStop = PartStop | { readonly kind: 'xml'; readonly part: string; readonly line: number };

/**
 * Streams a part through a handler. Returns undefined when read to the end, else why it stopped (cap,
 * deadline, malformed XML or corrupt compressed data); the handler keeps what it read before the stop.
 */
async function walkPart(entry: JSZip.JSZipObject, budget: ReadBudget, handler: XmlHandler): Promise<WalkStop | undefined> {
  const walker = new XmlWalker(handler, entry.name);
  try {
    await streamPart(entry, budget, (text) => walker.write(text));
    walker.close();
    return undefined;
  } catch (error) {
    if (error instanceof PartStopped) return error.stop;
    return { kind: 'xml', part: entry.name, line: walker.line };
  }
}

/** Styles and numbering only refine the result: when unreadable, a warning and the document without them. */
async function readOptionalPart<H extends XmlHandler>(
  entry: JSZip.JSZipObject | undefined,
  budget: ReadBudget,
  handler: H,
  findings: Finding[],
  file: string,
): Promise<H | undefined> {
  if (entry === undefined) return undefined;
  const stop = await walkPart(entry, budget, handler);
  if (stop === undefined) return handler;
  if (stop.kind !== 'xml') throw new PartStopped(stop);
  findings.push({
    rule: 'import.docx.styles-unreadable',
    severity: 'warning',
    message: `「${file}」中的 ${stop.part} 已损坏（第 ${stop.line} 行附近），已忽略：标题级别和自动编号可能不准确。`,
    location: { file },
  });
  return undefined;
}

function stopFinding(stop: WalkStop, file: string, limits: ImportLimits, blocks: readonly DocumentBlock[]): Finding {
  const kept = blocks.length === 0 ? '没有读到任何内容' : `只保留了此前读到的 ${blocks.length} 块内容`;
  if (stop.kind === 'xml') {
    return {
      rule: 'import.docx.corrupt',
      severity: 'error',
      message: `「${file}」的正文（${stop.part}）在第 ${stop.line} 行附近已损坏，读取到此为止：${kept}。`,
      location: { file },
    };
  }
  const [rule, message] = ruleAndMessage(stop, file, limits);
  return { rule, severity: 'error', message: `${message.replace(/。$/, '')}：${kept}。`, location: { file } };
}

function ruleAndMessage(stop: PartStop, file: string, limits: ImportLimits): [string, string] {
  switch (stop.kind) {
    case 'budget':
      return ['import.zip-bomb', `「${file}」中的 ${stop.part} 解压时超过了 ${size(stop.limit)} 的解压上限（取解压上限与 ${limits.maxCompressionRatio} 倍压缩比中较小者），疑似压缩炸弹，已停止解压。`];
    case 'size-lie':
      return ['import.zip-bomb', `「${file}」中的 ${stop.part} 解压后超过了 zip 目录声明的 ${size(stop.declared)}，压缩包的大小信息是伪造的，疑似压缩炸弹，已停止解压。`];
    case 'timeout':
      return ['import.timeout', `「${file}」读取 ${stop.part} 时超过了 ${limits.timeoutMs / 1000} 秒的时间上限，已停止。`];
  }
}

const NOT_ZIP: Readonly<Record<Exclude<Sniffed, 'zip' | 'ole'>, string>> = {
  exe: '而此文件以 MZ 开头，是 Windows 可执行程序',
  pdf: '而此文件是 PDF 文档（请按 PDF 导入）',
  rtf: '而此文件是 RTF 文档（请在 Word 中另存为 .docx）',
  markup: '而此文件是 HTML/XML 文本（可能是“另存为网页”或 Word 2003 XML，请在 Word 中另存为 .docx）',
  unknown: '而此文件的开头不是 zip 的标志（PK）',
};

/** A hint for a zip that is not a Word document. */
function whatZip(dir: ZipDirectory): string {
  if (dir.entries.has('xl/workbook.xml')) return '，看起来是 Excel 工作簿（.xlsx）';
  if (dir.entries.has('ppt/presentation.xml')) return '，看起来是 PowerPoint 演示文稿（.pptx）';
  if (dir.entries.size === 0) return '，压缩包是空的';
  return '';
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimZero((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${trimZero((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}
