#!/usr/bin/env node
// The `coach` command for global installs: runs the TypeScript entry point through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
