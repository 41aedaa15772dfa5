// Validates evaluation files against the schema: `npx tsx packages/server/scripts/check-fixture.ts FILE...`
import { readFileSync } from 'node:fs';
import { evaluationFileSchema } from '../src/schema/evaluation-file';

let bad = 0;
for (const file of process.argv.slice(2)) {
  const result = evaluationFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (result.success) {
    const evs = 'evaluations' in result.data ? result.data.evaluations : [result.data];
    console.log(`${file}: ok, ${evs.length} evaluation(s), ${evs.map((e) => `${e.title}: ${e.indicators.length} indicators`).join('; ')}`);
  } else {
    bad++;
    for (const issue of result.error.issues.slice(0, 20)) console.log(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
}
process.exitCode = bad ? 1 : 0;
