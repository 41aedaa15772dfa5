import type { OfficeConverter } from '../../../app/ports';
import type { DocumentReader } from '../document-reader';
import { readDocx } from '../docx/read-docx';
import { readXlsx } from '../xlsx/read-xlsx';

const SHEETS = new Set(['xls', 'et']);

/**
 * Old binary formats (.doc/.wps as Word, .xls/.et as Excel; also what an encrypted Office file looks like):
 * converted by `convert` (LibreOffice, wired in by cli/http), then read as .docx/.xlsx. Without a converter
 * installed, a finding says LibreOffice is needed.
 */
export function legacyReader(convert: OfficeConverter): DocumentReader {
  return async (bytes, file, limits) => {
    const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? 'doc';
    const target = SHEETS.has(ext) ? 'xlsx' : 'docx';
    const converted = await convert(bytes, ext, target, limits.timeoutMs);
    if (!converted.ok) {
      const message =
        converted.reason === 'missing'
          ? `${file}：这是旧版 Office 二进制文件（.doc/.xls/.wps），需要安装 LibreOffice 才能转换读取（或请提供 .docx/.xlsx）`
          : `${file}：无法转换这个旧版 Office 文件或加密文件（${converted.detail}）`;
      return { file, format: target, blocks: [], findings: [{ rule: 'import.encrypted-or-legacy', severity: 'error', message, location: { file } }] };
    }
    const doc = await (target === 'xlsx' ? readXlsx : readDocx)(converted.bytes, file, limits);
    return {
      ...doc,
      findings: [
        { rule: 'import.converted', severity: 'info', message: `${file}：旧版格式，已用 LibreOffice 转换为 .${target} 后读取`, location: { file } },
        ...doc.findings,
      ],
    };
  };
}
