import { describe, expect, it } from 'vitest';
import { statusRank, PROGRESSION } from '../../src/model/status.ts';

describe('vitest 5 under Astro getViteConfig', () => {
  it('runs on Node >= 22.19 and imports project TypeScript', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major! > 22 || (major === 22 && minor! >= 19)).toBe(true);
    expect(PROGRESSION.map(statusRank)).toEqual([0, 1, 2, 3, 4]);
  });
});
