/**
 * Reading the latency race as a reader does: its tables by their names, a row by its header,
 * a cell by its column's header.
 */
import type { Locator } from '@playwright/test';

/** The texts of a table's rows (header cell first), each keyed by its column's header. */
export async function tableRows(table: Locator): Promise<Record<string, string>[]> {
	const headers = await table.getByRole('columnheader').allTextContents();
	const rows = table.getByRole('row').filter({ hasNot: table.page().getByRole('columnheader') });
	const out: Record<string, string>[] = [];
	for (const row of await rows.all()) {
		const texts = [
			...(await row.getByRole('rowheader').allTextContents()),
			...(await row.getByRole('cell').allTextContents()),
		];
		out.push(Object.fromEntries(headers.map((header, i) => [header.trim(), texts[i] ?? ''])));
	}
	return out;
}

/** The summary's cell under `column` in the row of the path named `path`. */
export async function summaryCell(race: Locator, path: RegExp, column: string): Promise<string> {
	const summary = race.getByRole('table', { name: 'Summary of this run' });
	const rows = await tableRows(summary);
	const row = rows.find((r) => path.test(r['Path'] ?? ''));
	return row?.[column] ?? '';
}

export const directRow = /^Direct \(measured\)$/;
export const proxyRow = /^Through the server/;

/** The per-request table, opened as a reader opens it. */
export async function requestTable(race: Locator): Promise<Locator> {
	const details = race.getByRole('group').filter({ hasText: 'Every request as a table' });
	if ((await details.getAttribute('open')) === null) {
		await race.getByText('Every request as a table').click();
	}
	return race.getByRole('table', { name: 'Every request' });
}
