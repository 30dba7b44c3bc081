import { describe, expect, it } from 'vitest';
import { foldCategories } from './fold-categories.js';

describe('foldCategories', () => {
  it('shows categories of 3+ tips and adds the rest to other', () => {
    expect(
      foldCategories({ child_labour: 1, labour_exploitation: 5, forced_fishing: 3, debt_bondage: 2, other: 1 }),
    ).toEqual({ labour_exploitation: 5, forced_fishing: 3, other: 4 });
  });

  it('leaves other out when nothing is folded and there are no other tips', () => {
    expect(foldCategories({ labour_exploitation: 4 })).toEqual({ labour_exploitation: 4 });
  });

  it('keeps taxonomy order whatever the stored order', () => {
    const out = foldCategories({ other: 3, forced_fishing: 3, labour_exploitation: 3 });
    expect(Object.keys(out)).toEqual(['labour_exploitation', 'forced_fishing', 'other']);
  });

  it('can be made stricter but never looser than 3', () => {
    expect(foldCategories({ labour_exploitation: 4, child_labour: 5 }, 5)).toEqual({ child_labour: 5, other: 4 });
    expect(foldCategories({ labour_exploitation: 2 }, 1)).toEqual({ other: 2 });
  });

  it('counts unknown keys and junk counts as other or nothing', () => {
    const stored = { labour_exploitation: 3, smuggling: 2, child_labour: Number.NaN, debt_bondage: -1 };
    expect(foldCategories(stored as never)).toEqual({ labour_exploitation: 3, other: 2 });
  });
});
