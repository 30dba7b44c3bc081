import { geocode, reverseGeocode } from '../../../shared/geocoder/index.js';
import type { GeocodeResult, LatLon } from '../../../shared/types.js';
import { loadGazetteer } from '../../lib/gazetteer.js';

/**
 * Where a tip is: reverse geocoding of its GPS point, else forward geocoding of the
 * address, else the places named in the text (contract: POST /api/tips).
 */
export function placeOfTip(input: { location?: LatLon; address?: string; text: string }): GeocodeResult {
  const gazetteer = loadGazetteer();
  if (input.location) return reverseGeocode(gazetteer, input.location);
  if (input.address) {
    const fromAddress = geocode(gazetteer, input.address);
    if (fromAddress.precision !== 'none') return fromAddress;
  }
  return geocode(gazetteer, input.text);
}

/**
 * The point a tip is clustered at: its GPS position, coordinates pasted into its text,
 * or its tambon's centroid. Tips placed only to an amphoe or province are stored but not
 * clustered: their centroid would draw a false hotspot in the middle of a district.
 */
export function clusterPoint(input: { location?: LatLon }, place: GeocodeResult): LatLon | undefined {
  if (input.location) return { lat: input.location.lat, lon: input.location.lon };
  const precise = place.precision === 'tambon' || place.precision === 'point';
  if (precise && place.lat !== undefined && place.lon !== undefined) {
    return { lat: place.lat, lon: place.lon };
  }
  return undefined;
}
