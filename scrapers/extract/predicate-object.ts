/**
 * The object of a predicate at the start of an enumeration's first item ("首批重点保障冷冻牛肉" ->
 * "冷冻牛肉", "重点适用于冰鲜三文鱼" -> "冰鲜三文鱼"): the words after the last verb, preposition or
 * adverb, as @node-rs/jieba tags them. Read from the form of the phrase, so a predicate no cue list
 * names still gives its object. Product modifiers the segmenter tags as verbs (冷冻) stay in it.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/** Tags that end a predicate: verbs (v, vn, vd), prepositions (p), adverbs (d). */
const PREDICATE = /^(v|vn|vd|p|d)$/u;

export function objectOfPredicate(phrase: string, modifiers: readonly string[]): string | null {
  jieba ??= Jieba.withDict(dict);
  const words = jieba.tag(phrase, false);
  let cut = -1;
  let pos = 0;
  words.forEach(({ word, tag }, i) => {
    pos += word.length;
    if (i < words.length - 1 && PREDICATE.test(tag) && !modifiers.includes(word)) cut = pos;
  });
  return cut > 0 && cut < phrase.length && words.map((w) => w.word).join('') === phrase ? phrase.slice(cut) : null;
}
