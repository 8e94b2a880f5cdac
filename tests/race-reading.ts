/**
 * Reading the latency race as a reader does: its tables by their names, a row by its header,
 * a cell by its column's header.
 */
import type { Locator } from '@playwright/test';

/** The texts of a table's rows (header cell first), each keyed by its column's header. */
export async function tableRows(table: Locator): Promise<Record<string, string>[]> {
	const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
	const rows = table.getByRole('row').filter({ hasNot: table.page().getByRole('columnheader') });
	// One read for every row: a run's table holds hundreds of cells.
	const texts = await rows.evaluateAll((found) =>
		found.map((row) =>
			[...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent ?? '')
		)
	);
	return texts.map((cells) =>
		Object.fromEntries(headers.map((header, i) => [header, cells[i] ?? '']))
	);
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
