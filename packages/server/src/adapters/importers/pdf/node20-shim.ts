/**
 * The pdf.js bundled in unpdf 1.8.1 (pdf.js 6.1) calls `ArrayBuffer.prototype.transferToFixedLength` when it
 * hands a loaded font over with the operator list (`page.getOperatorList()`, which the table reader needs
 * for the drawn rules). Node 20 does not have it (Node ≥ 21 does): without this, the operator list of every
 * page with text fails with "s.transferToFixedLength is not a function". unpdf already shims
 * `Promise.withResolvers` the same way. The copy below is what the method returns; the source buffer is
 * not detached, which pdf.js does not rely on.
 */
const proto = ArrayBuffer.prototype as unknown as Record<string, unknown>;

function transferCopy(this: ArrayBuffer, length?: number): ArrayBuffer {
  const size = length ?? this.byteLength;
  const out = new ArrayBuffer(size);
  new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(size, this.byteLength)));
  return out;
}

export function installNode20Shims(): void {
  if (typeof proto.transferToFixedLength !== 'function') {
    Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', { value: transferCopy, writable: true, configurable: true });
  }
  if (typeof proto.transfer !== 'function') {
    Object.defineProperty(ArrayBuffer.prototype, 'transfer', { value: transferCopy, writable: true, configurable: true });
  }
}
