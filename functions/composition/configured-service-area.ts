/**
 * The service area (issue 8): the configured provinces (default all of Thailand) or a custom
 * GeoJSON area, plus a border buffer. Built once, on first use, from the gazetteer's shapes.
 */
import { readFileSync } from 'node:fs';
import type { GazetteerPort, ServiceAreaPort } from '../../shared/core/ports.js';
import { areaFromGazetteer, areaFromGeoJson, type ServiceArea } from '../../shared/service-area/index.js';
import type { Config } from './config.js';

export function configuredServiceArea(
  gazetteer: GazetteerPort,
  config: Pick<Config, 'serviceAreaBufferKm' | 'serviceAreaProvinces' | 'serviceAreaGeoJsonPath'>,
): ServiceAreaPort {
  let area: ServiceArea | undefined;
  return () => {
    if (area) return area;
    const bufferKm = config.serviceAreaBufferKm;
    area = config.serviceAreaGeoJsonPath
      ? areaFromGeoJson(JSON.parse(readFileSync(config.serviceAreaGeoJsonPath, 'utf8')), { bufferKm })
      : areaFromGazetteer(gazetteer(), { bufferKm, provinces: config.serviceAreaProvinces });
    return area;
  };
}
