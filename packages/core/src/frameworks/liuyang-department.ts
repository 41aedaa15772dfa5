import { dec } from '../money/decimal';
import type { Framework, Level2Node } from './framework';
import { LIUYANG_ATTACHMENTS, LIUYANG_OUTLINE } from './outlines';
import { DEFAULT_POLICIES, STANDARD_GRADES } from './policies';
import { cite } from './sources';

const JUDGEMENT = {
  kind: 'judgement',
  why: '投入管理各项按制度、规范性等核查标准评分，需佐证材料，表内数据不足以复算：采用自评得分并检查不超过分值',
} as const;

function l2(name: string, weight: string, aliases: readonly string[] = []): Level2Node {
  return { name, weight: dec(weight), aliases };
}

/**
 * Scheme L, 长沙/浏阳 部门整体 (seed 003 only; the official 长沙 document was not found): 投入管理 30 /
 * 产出 25 / 效益 45 with fixed 二级 weights, no separate 预算执行率 item. Several 三级 share one 二级
 * score, so 二级 is the scored unit.
 */
export const LIUYANG_DEPARTMENT: Framework = {
  id: 'liuyang-department',
  version: '2022.1',
  name: '浏阳市（长沙）部门整体支出绩效自评（投入管理30/产出25/效益45）',
  jurisdiction: '长沙市浏阳市',
  kinds: ['department'],
  description: '投入管理 30（核查评分），产出 25 与效益 45 按指标计分；二级指标分值固定，多个三级共用一个二级得分。',
  sources: [cite('SEED-003', 'S', '浏阳市人大常委会 2022 自评表'), cite('JIXIAO', 'I', '长沙正式文件未找到')],
  tree: [
    {
      name: '投入管理',
      weight: dec('30'),
      rule: JUDGEMENT,
      children: [
        l2('预算编审管理', '3'),
        l2('预算执行管理', '4'),
        l2('部门结转结余资金管理', '4'),
        l2('预算绩效管理', '5'),
        l2('预决算信息公开管理', '4'),
        l2('财政监督管理', '3'),
        l2('政府采购管理', '3'),
        l2('资产管理', '4'),
      ],
    },
    {
      name: '产出指标',
      aliases: ['产出'],
      weight: dec('25'),
      children: [l2('数量指标', '6'), l2('质量指标', '8'), l2('时效指标', '5'), l2('成本指标', '6')],
    },
    {
      name: '效益指标',
      aliases: ['效益'],
      weight: dec('45'),
      children: [
        l2('经济效益指标', '10'),
        l2('社会效益指标', '10'),
        l2('生态效益指标', '7'),
        l2('可持续影响指标', '8'),
        l2('满意度指标', '10', ['服务对象满意度指标', '社会公众满意度']),
      ],
    },
  ],
  policies: DEFAULT_POLICIES,
  grades: STANDARD_GRADES,
  outline: LIUYANG_OUTLINE,
  attachments: LIUYANG_ATTACHMENTS,
};
