import { afterEach, describe, expect, it } from 'vitest';
import { gazetteerIndexCandidates, loadGazetteer, resetGazetteerCache } from './gazetteer.js';

const saved = process.env.GAZETTEER_INDEX;
afterEach(() => {
  if (saved === undefined) delete process.env.GAZETTEER_INDEX;
  else process.env.GAZETTEER_INDEX = saved;
  resetGazetteerCache();
});

describe('loadGazetteer', () => {
  it('tries GAZETTEER_INDEX first, then beside the bundle, then .build/', () => {
    process.env.GAZETTEER_INDEX = '/var/task/gazetteer-index.json';
    const paths = gazetteerIndexCandidates();
    expect(paths[0]).toBe('/var/task/gazetteer-index.json');
    expect(paths[paths.length - 1]).toMatch(/\.build[\\/]gazetteer-index\.json$/);
  });

  it('tells the user to run "npm run gazetteer" when the index is missing', () => {
    process.env.GAZETTEER_INDEX = '/nonexistent/gazetteer-index.json';
    expect(() => loadGazetteer()).toThrow(/npm run gazetteer/);
  });
});
