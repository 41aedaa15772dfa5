import { FRAMEWORKS } from '@jixiao/core';

/**
 * The placeholder home page: what Jixiao is and the scoring frameworks it ships. The full app (antd,
 * ECharts) replaces it in a later issue.
 */
export function App() {
  return (
    <main style={{ maxWidth: '48rem', margin: '2rem auto', padding: '0 1rem', lineHeight: 1.7 }}>
      <h1>Jixiao 绩效自评</h1>
      <p>
        Jixiao 帮助预算单位编制、复核部门整体支出和项目支出绩效自评：按评分框架重新计算各项指标得分、总分和评价等级，
        并指出自评表中与金额、规则不符之处，供预算单位、财政部门和人大监督使用。
      </p>
      <h2>评分框架</h2>
      <ul>
        {FRAMEWORKS.map((framework) => (
          <li key={framework.id}>
            <strong>{framework.name}</strong>
            <br />
            适用范围：{framework.jurisdiction}
            <br />
            {framework.description}
          </li>
        ))}
      </ul>
    </main>
  );
}
