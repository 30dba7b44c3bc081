import { describe, expect, it } from 'vitest';
import { gazetteerFromFile } from '../lib/gazetteer-file.js';
import { readConfig } from './config.js';

describe('readConfig', () => {
  it('tries GAZETTEER_INDEX first, then beside the bundle, then .build/', () => {
    const paths = readConfig({ GAZETTEER_INDEX: '/var/task/gazetteer-index.json' }).gazetteerIndexPaths;
    expect(paths[0]).toBe('/var/task/gazetteer-index.json');
    expect(paths[paths.length - 1]).toMatch(/\.build[\\/]gazetteer-index\.json$/);
  });

  it('tells the user to run "npm run gazetteer" when the index is missing', () => {
    expect(() => gazetteerFromFile(['/nonexistent/gazetteer-index.json'])()).toThrow(/npm run gazetteer/);
  });

  it('names tables from TABLE_<KEY>, else from the prefix', () => {
    const config = readConfig({ TABLE_PREFIX: 'x-', TABLE_VOLUNTEER_CELLS: 'cells-prod' });
    expect(config.tables.tips).toBe('x-tips');
    expect(config.tables.volunteerCells).toBe('cells-prod');
  });

  it('refuses a service-area buffer that is not a number', () => {
    expect(() => readConfig({ SERVICE_AREA_BUFFER_KM: 'wide' })).toThrow(/SERVICE_AREA_BUFFER_KM/);
  });
});
