import { describe, expect, it } from 'vitest';
import { SubmissionKey } from './submission-key.js';

describe('SubmissionKey', () => {
  it('reuses the key while the same body is retried', () => {
    const keys = new SubmissionKey();
    const first = keys.keyFor({ text: 'a' });
    expect(keys.keyFor({ text: 'a' })).toBe(first);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
  });
  it('gives a new key when the body changes or after success', () => {
    const keys = new SubmissionKey();
    const first = keys.keyFor({ text: 'a' });
    const edited = keys.keyFor({ text: 'b' });
    expect(edited).not.toBe(first);
    keys.done();
    expect(keys.keyFor({ text: 'b' })).not.toBe(edited);
  });
});
