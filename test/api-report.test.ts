import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_FILE, apiReport, REPORT_FILE } from '../scripts/api-report.ts';

describe('plugin API report', () => {
  const source = fs.readFileSync(API_FILE, 'utf8');

  it('matches plugin-api.d.ts: regenerate it with `npm run api-report` and commit both when the surface changes', () => {
    expect(apiReport(source), 'plugin-api.report.md is out of date: run npm run api-report').toBe(fs.readFileSync(REPORT_FILE, 'utf8'));
  });

  it('changes with the surface, and not with the documentation', () => {
    const documented = source.replace('/**\n * What a plugin is:', '/**\n * Rewritten prose.\n * What a plugin is:');
    expect(apiReport(documented)).toBe(apiReport(source));
    const widened = source.replace("export type PluginKind = 'source' | 'engine' | 'provider';", "export type PluginKind = 'source' | 'engine' | 'provider' | 'widget';");
    expect(widened).not.toBe(source);
    expect(apiReport(widened)).not.toBe(apiReport(source));
    const newMember = source.replace('  kv: KeyValueStore;', '  kv: KeyValueStore;\n  secrets: KeyValueStore;');
    expect(apiReport(newMember)).not.toBe(apiReport(source));
  });

  it('documents every export with an example', () => {
    const blocks = source.split(/\n(?=\/\*\*)/).filter((b) => /\*\/\s*\nexport /.test(b));
    const undocumented = [...source.matchAll(/\nexport (?:declare )?(?:type|interface|function|class) (\w+)/g)]
      .map((m) => m[1]!)
      .filter((name) => !blocks.some((b) => new RegExp(`\\*/\\s*\\nexport (?:declare )?(?:type|interface|function|class) ${name}\\b`).test(b) && b.includes('@example')));
    expect(undocumented).toEqual([]);
  });
});
