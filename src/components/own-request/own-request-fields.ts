/** Which of the form's fields show, and which are marked invalid, for the current request. */
import type { SettingsForm } from '../demo-kit/settings-form';
import {
	fieldsFor,
	textFieldNames,
	type OwnForm,
	type ownSchema,
	type TextField,
} from './own-request-view';

/** Shows the fields `method` uses (and the password for a sign-in); hides the others. */
export function showFields(form: HTMLFormElement, method: OwnForm['method']): void {
	const used = new Set<string>(fieldsFor(method));
	if (method === 'auth') used.add('password');
	for (const field of form.querySelectorAll<HTMLElement>('[data-field]')) {
		field.hidden = !used.has(field.dataset['field']!);
	}
}

/** Marks exactly `fields` invalid, so a screen reader hears which control to fix. */
export function markInvalid(
	settings: SettingsForm<typeof ownSchema>,
	fields: readonly TextField[]
): void {
	for (const name of textFieldNames) {
		const control = settings.control(name);
		if (!control) continue;
		if (fields.includes(name)) control.setAttribute('aria-invalid', 'true');
		else control.removeAttribute('aria-invalid');
	}
}

/** A field the current method does not use, kept out of the link. */
export function unusedBy(method: OwnForm['method'], key: string): boolean {
	const used: readonly string[] = fieldsFor(method);
	return (textFieldNames as readonly string[]).includes(key) && !used.includes(key);
}
