/**
 * <decision-guide>: shows the form above the build-time flow, reads answers from the URL,
 * and redraws the recommendation (decision-guide-view.ts) on every change; the kit keeps the
 * answers in the URL, copies the link and resets them.
 */
import { DemoElement, type DemoOptions } from '../demo-kit/demo-element';
import { answerSchema, renderRecommendation } from './decision-guide-view';

class DecisionGuide extends DemoElement<typeof answerSchema> {
	protected options(): DemoOptions<typeof answerSchema> {
		return { settings: { schema: answerSchema }, modelOnly: true };
	}

	protected start() {
		this.#render(this.linkProblems);
	}

	protected override settingsChanged() {
		this.#render([]);
	}

	#render(problems: string[]) {
		this.querySelector('[data-result]')!.innerHTML = renderRecommendation(this.settings());
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
