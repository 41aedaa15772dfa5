import type { Severity } from '@jixiao/core';

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

const KIND_LABEL = { department: '部门整体支出', project: '项目支出' } as const;

export function kindLabel(kind: keyof typeof KIND_LABEL): string {
  return KIND_LABEL[kind];
}
