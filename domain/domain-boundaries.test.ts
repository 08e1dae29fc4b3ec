/**
 * Guards the layer's contract: domain/ is pure and runs in the browser, so its modules import
 * only each other, `decimal.js` and `zod` — no Node built-ins, no server/web/contracts code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as domain from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('domain boundaries', () => {
  it.each(sources)('%s imports only domain modules, decimal.js or zod', (file) => {
    const text = readFileSync(join(here, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const specifier of specifiers) expect(specifier).toMatch(/^(\.\/(catalogue\/)?[\w-]+\.js|decimal\.js|zod)$/);
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
  });

  it('re-exports every module from index.ts', () => {
    const index = readFileSync(join(here, 'index.ts'), 'utf8');
    for (const file of sources.filter((f) => f !== 'index.ts' && !f.startsWith('checklist-'))) {
      expect(index).toContain(`'./${file.replace(/\.ts$/, '.js')}'`);
    }
    expect(typeof domain.computeExcess).toBe('function');
    expect(typeof domain.computeChecklist).toBe('function');
    expect(typeof domain.transition).toBe('function');
  });
});
