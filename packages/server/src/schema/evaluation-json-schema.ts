import * as z from 'zod';
import { evaluationFileSchema } from './evaluation-file';

/** The JSON Schema of evaluation files, generated from the zod schema (input side: what a file may hold). */
export function evaluationJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(evaluationFileSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://jixiao.invalid/schema/evaluation-1.json',
    title: 'Jixiao 评价文件 (jixiao.evaluation/1)',
    description: '一个预算绩效自评（部门整体支出或项目支出），或 { evaluations: [...] } 评价包。金额为万元十进制字符串。见 docs/evaluation-format.md。',
  };
}
