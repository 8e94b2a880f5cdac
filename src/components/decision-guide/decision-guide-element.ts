/**
 * <decision-guide>: shows the form above the build-time flow, reads answers from the URL,
 * and redraws the recommendation (decision-guide-view.ts) and the URL on every change.
 */
import { SettingsForm } from '../demo-kit/settings-form';
import { copyLink } from '../demo-kit/copy-link';
import { decodeSettings, defaultSettings } from '~/lib/url-state';
import { demoUrlPrefixOf } from '../demo-kit/demo-props';
import { answerSchema, renderRecommendation } from './decision-guide-view';

class DecisionGuide extends HTMLElement {
	connectedCallback() {
		const prefix = demoUrlPrefixOf(this);
		const form = new SettingsForm(this.querySelector('form')!, answerSchema, prefix);
		const fromUrl = decodeSettings(answerSchema, new URLSearchParams(location.search), prefix);
		form.fill(fromUrl.value);
		this.#render(
			form,
			fromUrl.problems.map((p) => `This link: ${p}`)
		);

		form.form.addEventListener('submit', (event) => event.preventDefault());
		form.form.addEventListener('change', () => {
			this.#render(form, []);
			form.writeUrl(form.read().value);
		});
		this.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
			form.fill(defaultSettings(answerSchema));
			this.#render(form, []);
			form.clearUrl();
		});
		const copy = this.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!;
		copy.addEventListener(
			'click',
			() => void copyLink(copy, form.link(form.read().value, this.id))
		);
	}

	#render(form: SettingsForm<typeof answerSchema>, problems: string[]) {
		this.querySelector('[data-result]')!.innerHTML = renderRecommendation(form.read().value);
		this.querySelector('[data-problems]')!.replaceChildren(
			...problems.map((text) => {
				const item = document.createElement('li');
				item.textContent = text;
				return item;
			})
		);
	}
}

customElements.define('decision-guide', DecisionGuide);
