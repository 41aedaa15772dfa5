export type { DocumentReader } from '../../app/ports';
