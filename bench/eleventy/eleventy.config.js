/**
 * Eleventy 3 as the benchmark's yardstick (scripts/bench.ts): the same synthetic announcements the
 * project builds, as plain HTML pages (Markdown body in a minimal layout), nothing else. The input
 * folder comes from ELEVENTY_INPUT.
 */
import path from 'node:path';

export default function (eleventyConfig) {
  const input = process.env.ELEVENTY_INPUT;
  if (!input) throw new Error('ELEVENTY_INPUT: the folder of synthetic announcements to build');
  eleventyConfig.setInputDirectory(input);
  // The layout lives here, not in the generated input folder.
  eleventyConfig.setLayoutsDirectory(path.relative(input, import.meta.dirname));
  eleventyConfig.addGlobalData('layout', 'page.njk');
  eleventyConfig.setQuietMode(true);
  // Announcement bodies are text, not templates (as in the site).
  return { markdownTemplateEngine: false };
}
