import { describe, expect, it } from 'vitest';
import type { SearchEntry } from '../build/buildSite';
import { searchDocs } from './setupSearch';

const INDEX: SearchEntry[] = [
  {
    slug: 'arguments',
    title: 'Arguments and the exact-type rule',
    headings: [{ id: 'the-exact-type-rule', text: 'The exact-type rule' }],
    text: 'Each hook point hands its callouts arguments',
  },
  {
    slug: 'hooks-dhcp4',
    title: 'Hook points of kea-dhcp4',
    headings: [
      { id: 'lease4_select', text: 'lease4_select' },
      { id: 'lease4_decline', text: 'lease4_decline' },
    ],
    text: 'arguments lease4_decline lease4_select',
  },
];

describe('searchDocs', () => {
  it('ranks a title match above a text match and links the best heading', () => {
    const hits = searchDocs(INDEX, 'exact type');
    expect(hits[0]).toMatchObject({ href: 'arguments.html#the-exact-type-rule' });
    expect(searchDocs(INDEX, 'arguments').map((h) => h.href)).toEqual([
      'arguments.html',
      'hooks-dhcp4.html',
    ]);
  });

  it('finds a hook point section by its name', () => {
    expect(searchDocs(INDEX, 'lease4_decline')).toEqual([
      {
        href: 'hooks-dhcp4.html#lease4_decline',
        title: 'Hook points of kea-dhcp4',
        section: 'lease4_decline',
        score: 6,
      },
    ]);
  });

  it('needs every word, and ignores one-letter words and empty queries', () => {
    expect(searchDocs(INDEX, 'exact lease4_decline')).toEqual([]);
    expect(searchDocs(INDEX, '  a ')).toEqual([]);
  });
});
