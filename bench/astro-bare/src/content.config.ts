import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const base = process.env.ASTRO_BARE_INPUT;
if (!base) throw new Error('ASTRO_BARE_INPUT: the folder of synthetic announcements to build');

export const collections = {
  announcements: defineCollection({
    loader: glob({ pattern: '**/*.md', base }),
    schema: z.object({ title: z.string(), canonicalUrl: z.string(), publishedAt: z.string() }).passthrough(),
  }),
};
