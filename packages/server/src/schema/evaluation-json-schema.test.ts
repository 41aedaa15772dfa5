import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluationJsonSchema } from './evaluation-json-schema';

describe('the JSON Schema of evaluation files', () => {
  const schema = evaluationJsonSchema();

  it('is generated from the zod schema and describes amounts as decimal strings', () => {
    const text = JSON.stringify(schema);
    expect(text).toContain('"年度资金总额'.slice(1));
    expect(text).toContain('^-?\\\\d+(\\\\.\\\\d+)?$');
    expect(text).toContain('"additionalProperties":false');
  });

  it('is the one committed in docs/ (run `npm run schema` after changing the zod schema)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../../../docs/evaluation.schema.json', import.meta.url)), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
