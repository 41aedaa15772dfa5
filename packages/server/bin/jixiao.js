#!/usr/bin/env node
// The `jixiao` command. The sources are TypeScript run through tsx, so the workspace needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
