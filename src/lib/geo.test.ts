import { describe, expect, it } from 'vitest';
import { greatCircleKm, meanEarthRadiusKm, type Coordinates } from './geo';

// City-centre coordinates (GeoNames / Wikipedia), the same ones src/lib/locations.ts uses.
// Expected distances were computed separately for the city-pair RTT table the model is
// checked against (network-model.test.ts).
const ashburn: Coordinates = { lat: 39.0438, lon: -77.4874 };
const london: Coordinates = { lat: 51.5074, lon: -0.1278 };
const frankfurt: Coordinates = { lat: 50.1109, lon: 8.6821 };
const singapore: Coordinates = { lat: 1.3521, lon: 103.8198 };
const sydney: Coordinates = { lat: -33.8688, lon: 151.2093 };
const tokyo: Coordinates = { lat: 35.6762, lon: 139.6503 };
const osaka: Coordinates = { lat: 34.6937, lon: 135.5023 };
const saoPaulo: Coordinates = { lat: -23.5505, lon: -46.6333 };
const falkenstein: Coordinates = { lat: 50.47612, lon: 12.370071 };

const withinOnePercent = (actual: number, expected: number) =>
	expect(Math.abs(actual - expected) / expected).toBeLessThan(0.01);

describe('greatCircleKm', () => {
	it.each([
		['Ashburn – London', ashburn, london, 5917],
		['Ashburn – Frankfurt', ashburn, frankfurt, 6549],
		['Ashburn – Sydney', ashburn, sydney, 15674],
		['London – Frankfurt', london, frankfurt, 638],
		['Frankfurt – Singapore', frankfurt, singapore, 10258],
		['Frankfurt – São Paulo', frankfurt, saoPaulo, 9829],
		['Tokyo – Osaka', tokyo, osaka, 392],
		['Singapore – Sydney', singapore, sydney, 6306],
		['Falkenstein – Frankfurt', falkenstein, frankfurt, 265],
	])('%s is %d km within 1 %%', (_name, a, b, km) => {
		withinOnePercent(greatCircleKm(a, b), km);
	});

	it('agrees with the published New York – London distance (HPBN, 5,585 km) within 1 %', () => {
		const newYork = { lat: 40.7128, lon: -74.006 };
		withinOnePercent(greatCircleKm(newYork, london), 5585);
	});

	it('is zero for one place and the same in both directions', () => {
		expect(greatCircleKm(frankfurt, frankfurt)).toBe(0);
		expect(greatCircleKm(tokyo, saoPaulo)).toBeCloseTo(greatCircleKm(saoPaulo, tokyo), 9);
	});

	it('gives half the circumference for antipodes, never NaN', () => {
		const antipode = { lat: -frankfurt.lat, lon: frankfurt.lon - 180 };
		expect(greatCircleKm(frankfurt, antipode)).toBeCloseTo(Math.PI * meanEarthRadiusKm, 6);
	});
});
