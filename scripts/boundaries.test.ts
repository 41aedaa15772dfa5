import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The dependency direction of docs/ARCHITECTURE.md is enforced twice: by each package's tsconfig (core
// has no node or DOM types) and by lint rules. These tests feed both a forbidden import and expect a refusal.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function lintRules(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint enforces the dependency direction', () => {
  it.each([
    ["import { readFile } from 'node:fs';\nexport const r = readFile;\n", 'packages/core/src/money/probe.ts', 'pure domain'],
    ["import { z } from 'zod';\nexport const s = z.string();\n", 'packages/core/src/model/probe.ts', 'pure domain'],
    ["import { createProgram } from '../cli/program';\nexport const p = createProgram;\n", 'packages/server/src/http/probe.ts', 'composition roots'],
    ["import { app } from '../http/app';\nexport const a = app;\n", 'packages/server/src/cli/probe.ts', 'composition roots'],
    ["import { x } from '../adapters/db/connect';\nexport const y = x;\n", 'packages/server/src/app/probe.ts', 'ports'],
    ["import { x } from '../generators/docx';\nexport const y = x;\n", 'packages/server/src/adapters/importers/probe.ts', 'never import each other'],
    ["import { dec } from '@jixiao/core/src/money/decimal';\nexport const d = dec;\n", 'packages/server/src/app/probe.ts', 'public entry'],
    ["import { createProgram } from '@jixiao/server';\nexport const p = createProgram;\n", 'packages/web/src/probe.ts', 'over HTTP'],
  ])('refuses %#: %s in %s', async (code, file, why) => {
    const messages = await lintRules(code, file);
    expect(messages.some((m) => m.includes('no-restricted-imports') && m.includes(why))).toBe(true);
  });

  it('allows what the architecture allows', async () => {
    expect(await lintRules("import { dec } from '../money/decimal';\nexport const d = dec('1');\n", 'packages/core/src/scoring/probe.ts')).toEqual([]);
    expect(await lintRules("import type { Command } from '@jixiao/server';\nexport type C = Command;\n", 'packages/web/src/probe.ts')).toEqual([]);
    expect(await lintRules("import { dec } from '@jixiao/core';\nexport const d = dec('1');\n", 'packages/server/src/app/probe.ts')).toEqual([]);
  });
});

describe("core's tsconfig has no node or DOM types", () => {
  it('does not compile an import of node:fs, nor a use of document', () => {
    const configPath = join(root, 'packages/core/tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!config) throw new Error('core tsconfig not found');
    const probe = join(root, 'packages/core/src/__probe__.ts');
    const source = "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\nexport const b = document.title;\n";
    const host = ts.createCompilerHost(config.options);
    const readFile = host.readFile.bind(host);
    host.readFile = (f) => (f === probe ? source : readFile(f));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (f) => f === probe || fileExists(f);
    const program = ts.createProgram([probe], config.options, host);
    const codes = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === probe).map((d) => d.code);
    expect(codes).toContain(2307); // Cannot find module 'node:fs'
    expect(codes).toContain(2584); // Cannot find name 'document' (no DOM lib)
  });
});
