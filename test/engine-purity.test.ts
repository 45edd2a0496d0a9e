import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/scenarios';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('engine purity', () => {
  it('should use no Phaser, DOM, wall clock or Math.random in src/engine, src/grading or src/report', () => {
    const forbidden = [/from ['"]phaser['"]/, /\bMath\.random\s*\(/, /\bDate\.now\s*\(/, /\bnew Date\s*\(/, /(?<![.\w])document\./, /(?<![.\w])window\./, /\bperformance\.now/, /\bsetTimeout\s*\((?!fn)/, /from ['"]node:/];
    const offences: string[] = [];
    for (const file of ['src/engine', 'src/grading', 'src/report'].flatMap((dir) => sources(join(ROOT, dir)))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
        if (/^\s*(\/\/|\/\*|\*)/.test(line)) return;
        for (const pattern of forbidden) if (pattern.test(line)) offences.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offences).toEqual([]);
    expect(sources(join(ROOT, 'src/engine')).length).toBeGreaterThan(5);
  });
});
