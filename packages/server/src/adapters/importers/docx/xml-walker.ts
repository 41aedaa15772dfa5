import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * A streaming walk over one WordprocessingML part (document.xml, styles.xml, numbering.xml) with saxes.
 * It does the bookkeeping every part needs: element names reduced to tokens, the parent chain, subtrees
 * that never hold visible text (deletions, field codes, revision history), and markup-compatibility
 * alternatives (only the first mc:Choice is read, never its mc:Fallback, so a text box is not read twice).
 */

/**
 * Transitional and strict OOXML spell the WordprocessingML namespace differently. saxes reports an
 * undeclared prefix as its own URI: a careless writer's undeclared "w:" is still WordprocessingML.
 */
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
  'w',
]);
const MC_NAMESPACES = new Set(['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc']);

/** WordprocessingML elements whose subtree is never read: no visible text and no structure we use. */
const SKIPPED = new Set([
  'del', // tracked deletion
  'moveFrom', // tracked move: the text is read where it moved to
  'delText',
  'delInstrText',
  'instrText', // field code (the field's result is ordinary runs)
  'fldData',
  'pPrChange',
  'rPrChange',
  'sectPrChange',
  'tblPrChange',
  'tblPrExChange',
  'tcPrChange',
  'trPrChange',
  'tblGridChange',
  'numberingChange',
  'sectPr',
  'sdtPr',
  'sdtEndPr',
  'tblPr',
]);

/**
 * What a part reader sees: `name` is the local name for WordprocessingML elements, `mc:<local>` for markup
 * compatibility and "" for any other namespace (VML, DrawingML …), so `parent` checks stay exact.
 */
export interface XmlHandler {
  /** Called for each element read; return true to skip its whole subtree (its close is not reported). */
  open(name: string, tag: SaxesTagNS, parent: string, grandparent: string): boolean;
  close(name: string): void;
  /** Text directly inside an element named `name` whose parent is `parent`. */
  text(text: string, name: string, parent: string): void;
}

export function wAttr(tag: SaxesTagNS, local: string): string | undefined {
  const quick = tag.attributes[`w:${local}`];
  if (quick !== undefined && W_NAMESPACES.has(quick.uri)) return quick.value;
  for (const key in tag.attributes) {
    const attribute = tag.attributes[key];
    if (attribute !== undefined && attribute.local === local && W_NAMESPACES.has(attribute.uri)) return attribute.value;
  }
  return undefined;
}

/** An on/off property (`<w:vanish/>`, `<w:isLgl w:val="0"/>`): absent value means on. */
export function wOnOff(tag: SaxesTagNS): boolean {
  const value = wAttr(tag, 'val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

/** A whole-number attribute, or undefined when absent or not a number. */
export function wInt(tag: SaxesTagNS, local: string): number | undefined {
  const value = wAttr(tag, local);
  if (value === undefined || !/^-?\d{1,9}$/.test(value.trim())) return undefined;
  return Number.parseInt(value, 10);
}

export class XmlWalker {
  private readonly parser: SaxesParser<{ xmlns: true }>;
  private readonly names: string[] = [];
  /** Depth inside a skipped subtree; 0 when reading. */
  private skipDepth = 0;
  /** One entry per open mc:AlternateContent: whether a branch of it has been taken. */
  private readonly alternates: boolean[] = [];

  constructor(
    private readonly handler: XmlHandler,
    partName: string,
  ) {
    this.parser = new SaxesParser({ xmlns: true, fileName: partName });
    this.parser.on('opentag', (tag) => this.onOpen(tag));
    this.parser.on('closetag', () => this.onClose());
    this.parser.on('text', (text) => this.onText(text));
    this.parser.on('cdata', (text) => this.onText(text));
    // An undeclared prefix is tolerated (saxes then goes on with the prefix as URI); any other error stops.
    this.parser.on('error', (error) => {
      if (!error.message.includes('unbound namespace prefix')) throw error;
    });
  }

  /** Feeds a chunk; throws the parser's Error on malformed XML. */
  write(chunk: string): void {
    if (chunk.length > 0) this.parser.write(chunk);
  }

  /** Ends the document; throws on unclosed elements. */
  close(): void {
    this.parser.close();
  }

  /** 1-based line the parser has reached, for messages about malformed XML. */
  get line(): number {
    return this.parser.line;
  }

  private onOpen(tag: SaxesTagNS): void {
    if (this.skipDepth > 0) {
      this.skipDepth += 1;
      return;
    }
    const name = tokenOf(tag);
    const parent = this.names[this.names.length - 1] ?? '';
    const grandparent = this.names[this.names.length - 2] ?? '';
    this.names.push(name);
    if (SKIPPED.has(name) || this.skipAlternative(name) || this.handler.open(name, tag, parent, grandparent)) {
      this.skipDepth = 1;
    }
  }

  private onClose(): void {
    if (this.skipDepth > 0) {
      this.skipDepth -= 1;
      if (this.skipDepth === 0) this.names.pop();
      return;
    }
    const name = this.names.pop() ?? '';
    if (name === 'mc:AlternateContent') this.alternates.pop();
    this.handler.close(name);
  }

  private onText(text: string): void {
    if (this.skipDepth > 0) return;
    const name = this.names[this.names.length - 1];
    if (name === undefined) return;
    this.handler.text(text, name, this.names[this.names.length - 2] ?? '');
  }

  /** Reads the first mc:Choice of an mc:AlternateContent, or its mc:Fallback when it has no choice. */
  private skipAlternative(name: string): boolean {
    if (name === 'mc:AlternateContent') {
      this.alternates.push(false);
      return false;
    }
    if (name !== 'mc:Choice' && name !== 'mc:Fallback') return false;
    const last = this.alternates.length - 1;
    if (last < 0) return false;
    if (this.alternates[last] === true) return true;
    this.alternates[last] = true;
    return false;
  }
}

function tokenOf(tag: SaxesTagNS): string {
  if (W_NAMESPACES.has(tag.uri)) return tag.local;
  if (MC_NAMESPACES.has(tag.uri)) return `mc:${tag.local}`;
  return '';
}
