import { dec } from '../money/decimal';
import type { Framework, LeafNode, LeafRule } from './framework';
import type { CommonIndicatorId } from './common-indicators';
import { HUNAN_ATTACHMENTS, HUNAN_OUTLINE } from './outlines';
import { DEFAULT_POLICIES, STANDARD_GRADES } from './policies';
import { cite } from './sources';
import type { Citation } from './sources';

const JUDGE: LeafRule = { kind: 'judgement', why: '核查类指标（制度、规范性、效益），需佐证材料由评价人评分' };
const INFERRED = cite('JIXIAO', 'I', '53号未定分值与评分标准；分值为 Jixiao 建议值，使用前按当地办法配置');

function leaf(name: string, weight: string, rule: LeafRule, sources: readonly Citation[], formula?: CommonIndicatorId): LeafNode {
  return { name, weight: dec(weight), rule, sources, ...(formula ? { formula } : {}) };
}

/**
 * The 财预〔2013〕53号 部门整体支出 common indicators (附件2) as a framework: 投入 / 过程 / 产出 / 效果.
 * 53号 is "参考性的框架模式" and fixes no weights; the formulas are computed from the 基础数据表 and the
 * scoring standards are the 岳阳 municipal ones seen in practice (S-GLJ) where they exist. Everything else
 * is a proposal to be configured locally.
 */
export const MOF_2013_DEPARTMENT: Framework = {
  id: 'mof-2013-department',
  version: '2013.1',
  name: '财预〔2013〕53号 部门整体支出绩效评价共性指标（投入/过程/产出/效果）',
  jurisdiction: '全国（参考框架）',
  kinds: ['department'],
  description: '共性指标按基础数据表计算：在职人员控制率、“三公经费”变动率与控制率、公用经费控制率、预算完成率、结转结余率、政府采购执行率等。',
  sources: [cite('S-MOF53', ['A', 'B'], '此次印发的共性指标体系为参考性的框架模式'), cite('S-TAO', 'A'), INFERRED],
  tree: [
    {
      name: '投入',
      weight: dec('20'),
      children: [
        {
          name: '目标设定',
          weight: dec('5'),
          leaves: [leaf('绩效目标合理性', '3', JUDGE, [cite('S-TAO', 'A'), INFERRED]), leaf('绩效指标明确性', '2', JUDGE, [cite('S-TAO', 'A'), INFERRED])],
        },
        {
          name: '预算配置',
          weight: dec('15'),
          leaves: [
            leaf(
              '在职人员控制率',
              '5',
              { kind: 'thresholdPerPoint', direction: 'max', threshold: dec('100'), perPoint: dec('0.5') },
              [cite('S-GLJ', 'C', '在职人员控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止')],
              'staffControlRate',
            ),
            leaf(
              '“三公经费”变动率',
              '5',
              { kind: 'thresholdPerPoint', direction: 'max', threshold: dec('0'), perPoint: dec('0.5') },
              [cite('S-GLJ', 'C', '“三公经费”变动率≦0,计5分;每超过一个百分点扣0.5分')],
              'threePublicChangeRate',
            ),
            leaf('重点支出安排率', '5', JUDGE, [cite('S-TAO', 'A', '重点项目支出 ÷ 项目总支出'), INFERRED]),
          ],
        },
      ],
    },
    {
      name: '过程',
      weight: dec('40'),
      children: [
        {
          name: '预算执行',
          weight: dec('25'),
          leaves: [
            leaf('预算完成率', '5', { kind: 'linearCapped' }, [cite('S-WL', 'C', '按完成比例计算得分,满分为止'), INFERRED], 'budgetExecutionRate'),
            leaf('结转结余率', '5', JUDGE, [cite('S-MOF53', 'B'), INFERRED], 'carryOverRate'),
            leaf(
              '公用经费控制率',
              '5',
              { kind: 'thresholdPerPoint', direction: 'max', threshold: dec('100'), perPoint: dec('1') },
              [cite('S-MOF53', 'B'), INFERRED],
              'publicExpenseControlRate',
            ),
            leaf(
              '“三公经费”控制率',
              '6',
              { kind: 'thresholdPerPoint', direction: 'max', threshold: dec('100'), perPoint: dec('1') },
              [cite('S-GLJ', 'C', '三公经费控制率≦100%,计6分;每超过一个百分点扣1分')],
              'threePublicControlRate',
            ),
            leaf('政府采购执行率', '4', { kind: 'linearCapped' }, [cite('S-MOF53', 'B'), INFERRED], 'procurementExecutionRate'),
          ],
        },
        {
          name: '预算管理',
          weight: dec('10'),
          leaves: [
            leaf('管理制度健全性', '2.5', JUDGE, [cite('S-GLJ', 'C'), INFERRED]),
            leaf('资金使用合规性', '2.5', JUDGE, [cite('S-GLJ', 'C'), INFERRED]),
            leaf('预决算信息公开性', '2.5', JUDGE, [cite('S-GLJ', 'C'), INFERRED]),
            leaf('基础信息完善性', '2.5', JUDGE, [cite('S-GLJ', 'C'), INFERRED]),
          ],
        },
        {
          name: '资产管理',
          weight: dec('5'),
          leaves: [
            leaf('管理制度健全性', '2', JUDGE, [INFERRED]),
            leaf('资产管理安全性', '2', JUDGE, [INFERRED]),
            leaf('固定资产利用率', '1', JUDGE, [cite('S-MOF53', 'B', '实际在用固定资产 ÷ 所有固定资产'), INFERRED]),
          ],
        },
      ],
    },
    {
      name: '产出',
      weight: dec('20'),
      children: [
        {
          name: '职责履行',
          weight: dec('20'),
          leaves: [
            leaf('实际完成率', '5', JUDGE, [cite('S-MOF53', 'B'), INFERRED]),
            leaf('完成及时率', '5', JUDGE, [cite('S-MOF53', 'B'), INFERRED]),
            leaf('质量达标率', '5', JUDGE, [cite('S-MOF53', 'B'), INFERRED]),
            leaf('重点工作办结率', '5', JUDGE, [cite('S-MOF53', 'B'), INFERRED]),
          ],
        },
      ],
    },
    {
      name: '效果',
      weight: dec('20'),
      children: [
        {
          name: '履职效益',
          weight: dec('20'),
          leaves: [
            leaf('经济效益', '5', JUDGE, [cite('S-MOF53', 'B'), INFERRED]),
            leaf('社会效益', '5', JUDGE, [cite('S-MOF53', 'B'), INFERRED]),
            leaf('生态效益', '5', JUDGE, [cite('S-MOF53', 'B'), INFERRED]),
            leaf('社会公众或服务对象满意度', '5', JUDGE, [cite('S-MOF53', 'B'), INFERRED]),
          ],
        },
      ],
    },
  ],
  policies: DEFAULT_POLICIES,
  grades: STANDARD_GRADES,
  outline: HUNAN_OUTLINE,
  attachments: HUNAN_ATTACHMENTS,
};
