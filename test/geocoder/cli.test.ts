import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureGazetteerIndex } from '../../functions/cli/build-gazetteer.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const cli = (args: string[], input?: string): string =>
  execFileSync(TSX, ['functions/cli/main.ts', 'geocode', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

beforeAll(async () => {
  await ensureGazetteerIndex();
}, 60_000);

describe('npm run -s cli -- geocode', () => {
  it('prints one JSON result for a text argument', () => {
    const out = cli(['ต.โคกเคียน อ.เมือง จ.นราธิวาส']);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out).admin.tambonCode).toBe('960107');
  });

  it('reads stdin, one JSON line per line in order, with "lat, lon" lines reversed', () => {
    const out = cli([], 'Golok\n6.482, 101.763\nมีเด็กทำงานหนักมาก\n1.3, 103.8\n');
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ precision: 'amphoe', admin: { amphoeCode: '9610' } });
    expect(lines[1]).toMatchObject({ precision: 'point', lat: 6.482, lon: 101.763, admin: { tambonCode: '960107' } });
    expect(lines[2]).toEqual({ precision: 'none' });
    expect(lines[3]).toMatchObject({ precision: 'point', inThailand: false });
  });
});
