/** English names of cities outside the catalogue: Hanyu Pinyin without tones, as one word (Dalian, Xi'an). */
import { pinyin } from 'pinyin-pro';

export function englishName(nameZh: string): string {
  const syllables = pinyin(nameZh, { toneType: 'none', type: 'array', v: true }).map((s) => s.replace(/v/g, 'ü'));
  // An apostrophe keeps a syllable starting with a, o or e apart from the one before it (Xi'an).
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}
