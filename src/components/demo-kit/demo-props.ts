/**
 * What a demo's markup (.astro) takes, and the props of its settings-field.astro controls, so
 * every demo with settings names, bounds and fills its controls the same way; and the URL prefix
 * of one copy of a demo, which the markup derives here and hands its element, so two copies can
 * share a page.
 */
import { defaultSettings, type Schema, type Settings } from '~/lib/url-state';

/** The props of a demo's markup. */
export interface DemoProps {
	/**
	 * Element id, also the link target of "Copy link". Unique per page; a second copy of a demo
	 * needs one of its own, which also gives it its own URL parameters (`demoUrlPrefix()`).
	 */
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

/** Ids a copy's URL prefix can carry as they are (no dot, nothing a URL must escape). */
const copyIdPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * The URL prefix of one copy of a demo, the one rule for every demo. The copy with the demo's
 * default id keeps the demo's own prefix (`race-`), so every link made so far still opens it.
 * Another copy on the same page gets `race.<id>.`: the dot cannot occur in a demo's own prefix
 * (`[a-z][a-z0-9]*-`, see url-prefixes.test.ts), so no demo's prefix starts a copy's or is
 * started by one, and the closing dot keeps copies apart whose ids start alike (`b`, `b-2`).
 * `decodeSettings` reports unknown parameters under a prefix, so an overlap would not only mix
 * settings up but also flag the other copy's as mistakes.
 */
export function demoUrlPrefix(urlPrefix: string, id: string, defaultId: string): string {
	if (id === defaultId) return urlPrefix;
	if (!copyIdPattern.test(id)) {
		throw new Error(
			`A demo's id must be letters, digits, "-" and "_", starting with a letter: "${id}".`
		);
	}
	return `${urlPrefix.slice(0, -1)}.${id}.`;
}

/**
 * One copy of a demo as its markup places it: the element id (`props.id`, or the demo's name)
 * and the URL prefix of its settings. The markup passes the prefix to the element as
 * `data-url-prefix`, where `demoUrlPrefixOf()` reads it.
 */
export function demoCopy(
	props: DemoProps,
	defaultId: string,
	urlPrefix: string
): { id: string; prefix: string } {
	const id = props.id ?? defaultId;
	return { id, prefix: demoUrlPrefix(urlPrefix, id, defaultId) };
}

/** The URL prefix the markup gave this copy of a demo (`data-url-prefix`). */
export function demoUrlPrefixOf(element: HTMLElement): string {
	const prefix = element.dataset['urlPrefix'];
	if (!prefix) throw new Error(`${element.localName}: no data-url-prefix in its markup.`);
	return prefix;
}

/**
 * A demo copy's id and URL prefix (`demoCopy`), the settings its markup shows before any script
 * runs (the schema's defaults), and `field(key)`, the props of each settings-field.astro control.
 */
export function demoSettings<S extends Schema>(
	props: DemoProps,
	defaultId: string,
	urlPrefix: string,
	schema: S
) {
	const { id, prefix } = demoCopy(props, defaultId, urlPrefix);
	const settings = defaultSettings(schema);
	return { id, prefix, settings, field: settingsFieldProps(schema, prefix, settings, id) };
}
