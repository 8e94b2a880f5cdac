/**
 * The collection field: a select of the playground's collections, or a text field for another
 * PocketBase. Only one of them is in the form at a time, under the field's URL name, so the
 * label names exactly one control and the settings form reads exactly one value.
 */
export class CollectionControl {
	readonly select: HTMLSelectElement;
	readonly typed: HTMLInputElement;

	/** Takes the typed input out of the form; the select is in it until `use(false)`. */
	constructor(select: HTMLSelectElement, typed: HTMLInputElement, name: string) {
		this.select = select;
		this.typed = typed;
		typed.remove();
		typed.name = name;
	}

	/** Puts the select (`playground`) or the text field in the form; true when it swapped. */
	use(playground: boolean): boolean {
		const wanted = playground ? this.select : this.typed;
		const current = playground ? this.typed : this.select;
		if (!current.isConnected) return false;
		const value = current.value;
		current.replaceWith(wanted);
		wanted.hidden = wanted.disabled = false;
		this.set(value);
		return true;
	}

	/** Sets both controls; a name the playground lacks is added so the select shows it. */
	set(name: string): void {
		this.typed.value = name;
		this.select.value = name;
		if (this.select.value !== name) this.select.append(new Option(name, name, true, true));
	}
}
