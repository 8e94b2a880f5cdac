import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	// Starlight reads this collection on every build, and Astro warns when it is not defined. The
	// one entry (`en.json`, `{}`) overrides none of Starlight's own English labels.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
