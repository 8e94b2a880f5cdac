/**
 * What a demo's markup (.astro) takes, and the props of its settings-field.astro controls, so
 * every demo with settings names, bounds and fills its controls the same way.
 */
import type { Schema, Settings } from '~/lib/url-state';

/** The props of a demo's markup. */
export interface DemoProps {
	/** Element id, also the link target of "Copy link". Unique per page. */
	id?: string;
}

/**
 * The props of `settings-field.astro` for each field of a demo's settings: the field's schema
 * and URL prefix, the value the page shows before any script runs, and an id under the demo's.
 */
export function settingsFieldProps<S extends Schema>(
	schema: S,
	prefix: string,
	settings: Settings<S>,
	demoId: string
) {
	return <K extends keyof S & string>(key: K) => ({
		name: key,
		field: schema[key],
		prefix,
		value: settings[key],
		id: `${demoId}-${key}`,
	});
}
