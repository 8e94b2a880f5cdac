/** Draws one path's result: what was sent, what came back, the time and the limiter's bucket. */
import { prettyBody, requestRows, responseRows, type Exchange, type Row } from './own-request-view';

type Part = (name: string, within: ParentNode) => HTMLElement;

export function showExchange(
	box: HTMLElement,
	part: Part,
	exchange: Exchange | undefined,
	time: string,
	bucket: string
): void {
	part('idle', box).hidden = true;
	part('result', box).hidden = false;
	part('failure', box).hidden = true;
	part('request-rows', box).replaceChildren(...rows(exchange ? requestRows(exchange) : []));
	part('response-rows', box).replaceChildren(...rows(exchange ? responseRows(exchange) : []));
	part('time', box).textContent = time;
	part('bucket', box).textContent = bucket;
	const body = exchange?.response;
	part('response-body', box).hidden = !body || body.status === 0;
	part('body-text', box).textContent = body ? prettyBody(body.bodyText) : '';
}

export function listItems(texts: readonly string[]): HTMLLIElement[] {
	return texts.map((text) => {
		const li = document.createElement('li');
		li.textContent = text;
		return li;
	});
}

function rows(list: readonly Row[]): HTMLElement[] {
	return list.flatMap(({ name, value }) => {
		const dt = document.createElement('dt');
		dt.textContent = name;
		const dd = document.createElement('dd');
		dd.textContent = value;
		return [dt, dd];
	});
}
