/**
 * Where readers, app servers and PocketBase can sit in the model: a short list of real cities
 * that host cloud regions or typical PocketBase VPS locations, plus "the same datacenter as
 * PocketBase" for a server that runs beside it.
 *
 * Coordinates are city centres (GeoNames / Wikipedia) or, for Hetzner, the nearest-city values
 * the Hetzner Cloud API returns. They stand for a region, not a building: a region's datacenters
 * can be tens of kilometres from the city centre, which is well inside the model's error.
 */
import { greatCircleKm, type Coordinates } from './geo';

export interface Location extends Coordinates {
	/** Short, URL-safe id used in links (`?lx-reader=fra`). Never change one: links depend on it. */
	id: string;
	/** The city, as a reader would name it. */
	name: string;
	/** Which cloud regions or VPS locations this city stands for. */
	standsFor: string;
}

export const locations = [
	{
		id: 'iad',
		name: 'Ashburn, VA',
		lat: 39.0438,
		lon: -77.4874,
		standsFor:
			'AWS us-east-1, Vercel iad1 (Vercel’s default function region), Hetzner ash, Fly iad',
	},
	{
		id: 'sfo',
		name: 'San Francisco',
		lat: 37.7749,
		lon: -122.4194,
		standsFor: 'AWS us-west-1, Vercel sfo1',
	},
	{
		id: 'gru',
		name: 'São Paulo',
		lat: -23.5505,
		lon: -46.6333,
		standsFor: 'AWS sa-east-1, Vercel gru1, Fly gru',
	},
	{
		id: 'lhr',
		name: 'London',
		lat: 51.5074,
		lon: -0.1278,
		standsFor: 'AWS eu-west-2, Vercel lhr1, Fly lhr',
	},
	{
		id: 'fra',
		name: 'Frankfurt',
		lat: 50.1109,
		lon: 8.6821,
		standsFor: 'AWS eu-central-1, Vercel fra1, Fly fra, DigitalOcean fra1',
	},
	{
		id: 'fsn',
		name: 'Falkenstein',
		lat: 50.47612,
		lon: 12.370071,
		standsFor: 'Hetzner fsn1, a common home for a PocketBase VPS',
	},
	{
		id: 'hel',
		name: 'Helsinki',
		lat: 60.169855,
		lon: 24.938379,
		standsFor: 'Hetzner hel1',
	},
	{
		id: 'cpt',
		name: 'Cape Town',
		lat: -33.9249,
		lon: 18.4241,
		standsFor: 'AWS af-south-1, Vercel cpt1',
	},
	{
		id: 'bom',
		name: 'Mumbai',
		lat: 19.076,
		lon: 72.8777,
		standsFor: 'AWS ap-south-1, Vercel bom1, Fly bom',
	},
	{
		id: 'sin',
		name: 'Singapore',
		lat: 1.3521,
		lon: 103.8198,
		standsFor: 'AWS ap-southeast-1, Vercel sin1, Hetzner sin, Fly sin',
	},
	{
		id: 'hnd',
		name: 'Tokyo',
		lat: 35.6762,
		lon: 139.6503,
		standsFor: 'AWS ap-northeast-1, Vercel hnd1, Fly nrt',
	},
	{
		id: 'syd',
		name: 'Sydney',
		lat: -33.8688,
		lon: 151.2093,
		standsFor: 'AWS ap-southeast-2, Vercel syd1, Fly syd',
	},
] as const satisfies readonly Location[];

export type LocationId = (typeof locations)[number]['id'];

/** A server placement that is not a city: the same datacenter (or rack) as PocketBase. */
export const sameDatacenter = 'same-dc';
export type ServerPlacement = LocationId | typeof sameDatacenter;

/**
 * Round trip between two machines in one datacenter, in ms. Published same-zone figures:
 * EC2 same availability zone, average 0.446 ms over 10 pings (gist josephmisiti/10312241,
 * 2014); IBM Cloud VPC same zone 0.08–0.10 ms (IBM VPC latency tables, Jul–Aug 2024). Half a
 * millisecond is the upper end of those, so the model does not flatter the direct path. Across
 * availability zones of one region it is 1–2 ms (AWS, Azure: "less than 2 ms").
 */
export const sameDatacenterRttMs = 0.5;

const byId = new Map<string, Location>(locations.map((location) => [location.id, location]));

export function isLocationId(value: string): value is LocationId {
	return byId.has(value);
}

export function locationById(id: LocationId): Location {
	const location = byId.get(id);
	// Unreachable for a LocationId; kept so a bad cast fails loudly instead of giving NaN.
	if (!location) throw new Error(`Unknown location “${id}”.`);
	return location;
}

/** Great-circle distance between two listed locations, in km. */
export function distanceKm(a: LocationId, b: LocationId): number {
	return greatCircleKm(locationById(a), locationById(b));
}

/** How a placement reads in a chart or a table. */
export function placementName(placement: ServerPlacement): string {
	return placement === sameDatacenter
		? 'Same datacenter as PocketBase'
		: locationById(placement).name;
}
