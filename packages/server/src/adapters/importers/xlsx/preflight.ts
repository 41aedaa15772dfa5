import JSZip from 'jszip';
import type { ImportLimits } from '../limits';

/**
 * Checks an .xlsx zip before exceljs sees it. exceljs inflates every part into memory and builds every
 * cell a merge covers, so three things are refused here, cheaply:
 * - a zip bomb: the sizes the zip directory declares (jszip's private `_data.uncompressedSize`, read
 *   defensively) against `maxUnzippedBytes` and `maxCompressionRatio`, before anything is inflated; then
 *   each part is inflated as a stream and counted, so a directory that lies is caught after at most
 *   `maxUnzippedBytes`, chunk by chunk, without holding the data;
 * - merges exceljs cannot afford: it creates a cell for every position a merge covers and checks each
 *   new merge against all earlier ones (quadratic), so one `<mergeCell ref="A1:XFD1048576"/>` in a 1 KB
 *   file would hang the process. The worksheet parts are scanned for mergeCell refs while counting.
 */

/** Merges per workbook exceljs handles in a few seconds (5,000 merges load in ~1.8 s; it is quadratic). */
export const MAX_MERGES = 10_000;
/** Cells covered by merges per workbook: each becomes an exceljs cell object (~300 bytes). */
export const MAX_MERGED_CELLS = 200_000;

export type PreflightProblem =
  | { kind: 'not-zip' }
  | { kind: 'corrupt' }
  | { kind: 'not-xlsx' }
  | { kind: 'unzipped-too-large'; bytes: number }
  | { kind: 'ratio-too-high'; ratio: number }
  | { kind: 'too-many-merges'; part: string; merges: number; cells: number };

/** The uncompressed size the zip directory declares for an entry (jszip keeps it in a private field). */
function declaredSize(entry: JSZip.JSZipObject): number | undefined {
  const data: unknown = (entry as unknown as { _data?: unknown })._data;
  if (typeof data !== 'object' || data === null) return undefined;
  const size = (data as { uncompressedSize?: unknown }).uncompressedSize;
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : undefined;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells a merge ref ("A1:H1") covers besides its master; 0 for a ref that cannot be read. */
function coveredCells(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m?.[1] || !m[2]) return 0;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1) - 1;
}

const WORKSHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/i;
const MERGE_REF = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g;
/** Longest mergeCell tag kept between chunks so a tag split across two chunks is still seen. */
const CARRY = 512;

/** The OLE compound-file signature: an old .xls, or an .xlsx encrypted with a password. */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 && bytes[4] === 0xa1 && bytes[5] === 0xb1 && bytes[6] === 0x1a && bytes[7] === 0xe1;
}

/**
 * Inflates one entry chunk by chunk (jszip's node stream, ~16 KB chunks), handing each to `onChunk`;
 * stops as soon as it returns false. Errors (bad deflate data, a size mismatch) resolve as 'error',
 * including any raised after stopping, so nothing escapes as an unhandled event.
 */
function inflate(entry: JSZip.JSZipObject, onChunk: (chunk: Buffer) => boolean): Promise<'done' | 'stopped' | 'error'> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: 'done' | 'stopped' | 'error') => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    let stream: NodeJS.ReadableStream;
    try {
      stream = entry.nodeStream('nodebuffer');
    } catch {
      finish('error');
      return;
    }
    stream.on('error', () => finish('error'));
    stream.on('end', () => finish('done'));
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (!onChunk(chunk)) {
        stream.pause();
        stream.removeAllListeners('data');
        finish('stopped');
      }
    });
  });
}

/** Returns the first problem found, or undefined when exceljs may load the bytes. */
export async function preflightXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<PreflightProblem | undefined> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { kind: 'not-zip' };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { kind: 'corrupt' };
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (!entries.some((e) => e.name.replace(/^\//, '') === 'xl/workbook.xml')) return { kind: 'not-xlsx' };

  const zipped = Math.max(1, bytes.length);
  const sizes = entries.map(declaredSize);
  const declared = sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  if (declared > limits.maxUnzippedBytes) return { kind: 'unzipped-too-large', bytes: declared };
  if (declared / zipped > limits.maxCompressionRatio) return { kind: 'ratio-too-high', ratio: declared / zipped };

  let total = 0;
  let merges = 0;
  let mergedCells = 0;
  for (const [i, entry] of entries.entries()) {
    const expected = sizes[i];
    const scan = WORKSHEET_PART.test(entry.name);
    let entryBytes = 0;
    let carry = '';
    let problem: PreflightProblem | undefined;
    const outcome = await inflate(entry, (buf) => {
      entryBytes += buf.length;
      total += buf.length;
      if (expected !== undefined && entryBytes > expected) problem = { kind: 'corrupt' };
      else if (total > limits.maxUnzippedBytes) problem = { kind: 'unzipped-too-large', bytes: total };
      else if (total / zipped > limits.maxCompressionRatio) problem = { kind: 'ratio-too-high', ratio: total / zipped };
      if (!problem && scan) {
        const text = carry + buf.toString('latin1');
        for (const m of text.matchAll(MERGE_REF)) {
          // A match lying wholly in the carried tail was counted with the previous chunk.
          if (m.index + m[0].length <= carry.length) continue;
          merges++;
          mergedCells += coveredCells(m[1] ?? '');
        }
        carry = text.slice(-CARRY);
        if (merges > MAX_MERGES || mergedCells > MAX_MERGED_CELLS) {
          problem = { kind: 'too-many-merges', part: entry.name, merges, cells: mergedCells };
        }
      }
      return problem === undefined;
    });
    if (problem) return problem;
    if (outcome === 'error') return { kind: 'corrupt' };
  }
  return undefined;
}
