import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and CRLF line ends', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('strips a byte-order mark and keeps a last line without newline', () => {
    expect(parseCsv('\ufeffx,y\nz,w')).toEqual([
      ['x', 'y'],
      ['z', 'w'],
    ]);
  });
});
