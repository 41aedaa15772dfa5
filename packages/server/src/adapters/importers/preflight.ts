import { emptyFileFinding, tooLargeFinding } from '@jixiao/core';
import type { DocumentFormat, DocumentModel, Finding } from '@jixiao/core';
import type { ImportLimits } from '../../app/ports';

/** A document model for a file that is not read: no blocks, the finding that says why. */
export function refusal(format: DocumentFormat, file: string, finding: Finding): DocumentModel {
  return { file, format, blocks: [], findings: [finding] };
}

/** The checks every reader makes before reading: an empty file, a file over the size cap. */
export function preflight(bytes: Uint8Array, file: string, limits: ImportLimits, format: DocumentFormat): DocumentModel | undefined {
  if (bytes.byteLength === 0) return refusal(format, file, emptyFileFinding(file));
  if (bytes.byteLength > limits.maxFileBytes) return refusal(format, file, tooLargeFinding(file, bytes.byteLength, limits.maxFileBytes));
  return undefined;
}
