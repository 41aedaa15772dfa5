import JSZip from 'jszip';
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';

/**
 * The zip (OPC package) side of a .docx: what the bytes are, what the zip directory declares, where the
 * main document, styles and numbering parts are, and reading one part as a bounded stream of text.
 */

export type Sniffed = 'zip' | 'ole' | 'exe' | 'pdf' | 'rtf' | 'markup' | 'unknown';

/** What the first bytes say the file is. */
export function sniff(bytes: Uint8Array): Sniffed {
  const starts = (...prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);
  // Local file header, or the end record of an empty archive.
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0x4d, 0x5a)) return 'exe';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'rtf';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'markup';
  return 'unknown';
}

export interface ZipDirectory {
  readonly zip: JSZip;
  /** Every file entry by lower-cased name (part names are case-insensitive in OPC). */
  readonly entries: ReadonlyMap<string, JSZip.JSZipObject>;
  /** Sum of the uncompressed sizes the central directory declares, read before anything is inflated. */
  readonly declaredBytes: number;
}

/** Loads the zip directory only: jszip keeps each entry compressed until it is read. Throws on a bad zip. */
export async function openZip(bytes: Uint8Array): Promise<ZipDirectory> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  const entries = new Map<string, JSZip.JSZipObject>();
  let declaredBytes = 0;
  zip.forEach((_path, entry) => {
    if (entry.dir) return;
    entries.set(entry.name.toLowerCase(), entry);
    declaredBytes += declaredSize(entry) ?? 0;
  });
  return { zip, entries, declaredBytes };
}

/**
 * The uncompressed size the zip's central directory declares for an entry. jszip keeps it on the
 * entry's compressed-data object (`_data.uncompressedSize`), which is not in its typings.
 */
export function declaredSize(entry: JSZip.JSZipObject): number | undefined {
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  const size = data?.uncompressedSize;
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : undefined;
}

/** Why reading a part stopped early. */
export type PartStop =
  | { readonly kind: 'budget'; readonly part: string; readonly limit: number }
  | { readonly kind: 'size-lie'; readonly part: string; readonly declared: number }
  | { readonly kind: 'timeout'; readonly part: string };

/** Thrown by `streamPart` when a cap is reached; the reader turns it into a finding. */
export class PartStopped extends Error {
  constructor(readonly stop: PartStop) {
    super(stop.kind);
  }
}

/** The bytes all parts together may inflate to, and the wall-clock deadline for reading them. */
export interface ReadBudget {
  readonly maxBytes: number;
  readonly deadline: number;
  used: number;
}

/**
 * Inflates one part as a stream, decoding it to text chunk by chunk. Stops (throws PartStopped) as soon as
 * the part inflates past what the zip directory declared for it, the budget is spent or the deadline
 * passes, so a zip whose directory lies about sizes is still never inflated in full. Errors from jszip
 * (corrupt deflate data) and from `onText` propagate.
 */
export function streamPart(entry: JSZip.JSZipObject, budget: ReadBudget, onText: (text: string) => void): Promise<void> {
  const declared = declaredSize(entry);
  let partBytes = 0;
  let decoder: TextDecoder | undefined;
  const take = (chunk: string | Buffer): void => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    partBytes += bytes.length;
    budget.used += bytes.length;
    if (declared !== undefined && partBytes > declared) throw new PartStopped({ kind: 'size-lie', part: entry.name, declared });
    if (budget.used > budget.maxBytes) throw new PartStopped({ kind: 'budget', part: entry.name, limit: budget.maxBytes });
    if (Date.now() >= budget.deadline) throw new PartStopped({ kind: 'timeout', part: entry.name });
    decoder ??= new TextDecoder(encodingOf(bytes), { fatal: false });
    onText(decoder.decode(bytes, { stream: true }));
  };
  return new Promise<void>((resolve, reject) => {
    // jszip's node stream (readable-stream 2) has no async iterator: events, paused on the first failure.
    const stream = entry.nodeStream('nodebuffer');
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      stream.pause();
      stream.removeAllListeners('data');
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    stream.on('data', (chunk: string | Buffer) => {
      if (settled) return;
      try {
        take(chunk);
      } catch (error) {
        fail(error);
      }
    });
    stream.on('error', fail);
    stream.on('end', () => {
      if (settled) return;
      try {
        if (decoder !== undefined) onText(decoder.decode());
        settled = true;
        resolve();
      } catch (error) {
        fail(error);
      }
    });
  });
}

/** XML parts are UTF-8 unless a byte-order mark says UTF-16. */
function encodingOf(first: Uint8Array): string {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Reads a whole (small) part as text within the budget. */
export async function readPartText(entry: JSZip.JSZipObject, budget: ReadBudget): Promise<string> {
  const pieces: string[] = [];
  await streamPart(entry, budget, (text) => pieces.push(text));
  return pieces.join('');
}

export interface DocxParts {
  readonly document?: JSZip.JSZipObject;
  readonly styles?: JSZip.JSZipObject;
  readonly numbering?: JSZip.JSZipObject;
}

const RELATIONSHIP = /\/(officeDocument|styles|numbering)$/;

/**
 * Finds the main document through `_rels/.rels` (generators may name it other than word/document.xml) and
 * its styles and numbering through the document's relationships, falling back to the usual names.
 * Unreadable relationship parts fall back silently: the usual names are right for nearly every file.
 */
export async function locateParts(dir: ZipDirectory, budget: ReadBudget): Promise<DocxParts> {
  const entry = (name: string | undefined): JSZip.JSZipObject | undefined => (name === undefined ? undefined : dir.entries.get(name.toLowerCase()));

  const packageRels = await readRelationships(entry('_rels/.rels'), '', budget);
  const documentName = packageRels.get('officeDocument') ?? 'word/document.xml';
  const document = entry(documentName) ?? entry('word/document.xml');
  if (document === undefined) return {};

  const folder = document.name.includes('/') ? document.name.slice(0, document.name.lastIndexOf('/') + 1) : '';
  const relsName = `${folder}_rels/${document.name.slice(folder.length)}.rels`;
  const documentRels = await readRelationships(entry(relsName), folder, budget);
  return {
    document,
    styles: entry(documentRels.get('styles')) ?? entry(`${folder}styles.xml`),
    numbering: entry(documentRels.get('numbering')) ?? entry(`${folder}numbering.xml`),
  };
}

/** Relationship type (last path segment) → resolved part name, for the few types we use. */
async function readRelationships(rels: JSZip.JSZipObject | undefined, folder: string, budget: ReadBudget): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (rels === undefined) return found;
  let xml: string;
  try {
    xml = await readPartText(rels, budget);
  } catch (error) {
    if (error instanceof PartStopped) throw error;
    return found;
  }
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name !== 'Relationship' && !tag.name.endsWith(':Relationship')) return;
    const type = RELATIONSHIP.exec(tag.attributes.Type ?? '')?.[1];
    const target = tag.attributes.Target;
    if (type === undefined || target === undefined || tag.attributes.TargetMode === 'External' || found.has(type)) return;
    found.set(type, resolveTarget(folder, target));
  });
  try {
    parser.write(xml).close();
  } catch {
    // A broken relationship part: the usual part names are used instead.
  }
  return found;
}

/** A relationship target relative to the source part's folder ("/x" is from the package root). */
function resolveTarget(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folder + target;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}
