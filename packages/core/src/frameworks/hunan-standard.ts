import { dec } from '../money/decimal';
import type { Framework, Level1Node } from './framework';
import { HUNAN_ATTACHMENTS, HUNAN_OUTLINE } from './outlines';
import { DEFAULT_POLICIES, STANDARD_GRADES } from './policies';
import { cite } from './sources';

/**
 * Scheme H: 预算执行率 10 / 产出 50 / 效益 30 / 满意度 10, for 部门整体 and 项目 alike (scoring-rules.md
 * §2.3). 二级 and 三级 weights are the unit's choice; only their sums are checked.
 */
const TREE: readonly Level1Node[] = [
  {
    name: '产出指标',
    aliases: ['产出', '产出指标分析'],
    weight: dec('50'),
    children: [
      { name: '数量指标', aliases: ['产出数量'] },
      { name: '质量指标', aliases: ['产出质量'] },
      { name: '时效指标', aliases: ['产出时效', '产出进度'] },
      { name: '成本指标', aliases: ['产出成本'] },
    ],
  },
  {
    name: '效益指标',
    aliases: ['效益', '产出效益', '效益指标分析'],
    weight: dec('30'),
    children: [
      { name: '经济效益指标' },
      { name: '社会效益指标' },
      { name: '生态效益指标' },
      { name: '可持续影响指标', aliases: ['可持续发展能力'] },
    ],
  },
  {
    name: '满意度指标',
    aliases: ['满意度', '满意度分析'],
    weight: dec('10'),
    children: [{ name: '服务对象满意度指标', aliases: ['满意度指标', '社会公众满意度'] }],
  },
];

export const HUNAN_STANDARD: Framework = {
  id: 'hunan-standard',
  version: '2024.1',
  name: '湖南省级/岳阳市 部门整体与项目支出绩效自评（10/50/30/10）',
  jurisdiction: '湖南省省级、岳阳市',
  kinds: ['department', 'project'],
  description:
    '预算执行率 10 分（线性：分值 × 执行率，满分为止），产出 50、效益 30、满意度 10；定量指标按完成比例计分，定性指标按三档区间。',
  sources: [
    cite('S-MOF10', 'B', '产出50%、效益30%、满意度10%、预算执行率10%'),
    cite('S-FDK', 'C'),
    cite('SEED-000', 'S'),
    cite('SEED-001', 'S'),
    cite('SEED-004', 'S', '部门整体及 8 张项目表均为 10/50/30/10'),
  ],
  execution: {
    weight: dec('10'),
    rule: { kind: 'linear' },
    sources: [
      cite('S-MOF10', 'B', '未完成指标值的，按照完成值与指标值的比例记分'),
      cite('S-VAL', 'C', '得分 = (全年执行数 / 全年预算数) * 分值'),
      cite('S-WL', 'C', '按完成比例计算得分,满分为止'),
    ],
  },
  tree: TREE,
  policies: DEFAULT_POLICIES,
  grades: STANDARD_GRADES,
  outline: HUNAN_OUTLINE,
  attachments: HUNAN_ATTACHMENTS,
};
