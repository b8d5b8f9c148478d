import { describe, expect, it } from 'vitest';
import { cityAliases } from '../../src/lib/city-aliases.ts';

const city = (id: string, en: string, zh: string, province: string) => ({ id, name: { en, zh }, province: { en: province, zh: province } });

describe('city aliases', () => {
  it("gives a city's bare name when its id carries more, and never another city's id", () => {
    const aliases = cityAliases([
      city('suzhou-jiangsu', 'Suzhou', '苏州', 'Jiangsu'),
      city('suzhou-anhui', 'Suzhou', '宿州', 'Anhui'),
      city('taizhou', 'Taizhou', '台州', 'Zhejiang'),
      city('taizhou-jiangsu', 'Taizhou', '泰州', 'Jiangsu'),
      city('xian', "Xi'an", '西安', 'Shaanxi'),
    ]);
    expect([...aliases.keys()]).toEqual(['suzhou']);
    expect(aliases.get('suzhou')!.map((c) => c.name.zh)).toEqual(['苏州', '宿州']);
  });
});
