// Every live example of every docs page, run in Node through the same runWorkspace the
// sandbox worker uses: each must configure, run without a failure and give the timeline its
// source promises. The e2e tests check the same in the browser.
import { describe, expect, it } from 'vitest';
import { loadPages } from '../src/build/loadPages';
import { renderMarkdown } from '../src/build/renderMarkdown';
import { runExampleInNode } from './runExampleInNode';

const pages = loadPages().map((p) => ({ ...p, rendered: renderMarkdown(p.markdown) }));

describe('docs examples', () => {
  it('the site has the topics of issue 8', () => {
    expect(pages.length).toBeGreaterThanOrEqual(17);
    expect(pages.map((p) => p.slug)).toEqual(
      expect.arrayContaining(['hooks-dhcp4', 'hooks-dhcp6']),
    );
  });

  for (const page of pages) {
    describe(page.slug, () => {
      it('has examples, each stating its expected timeline', () => {
        expect(page.rendered.examples.length).toBeGreaterThan(0);
        for (const example of page.rendered.examples) expect(example.expect).toBeDefined();
      });
      for (const example of page.rendered.examples) {
        it(`${example.id} runs and shows its expected timeline`, () => {
          const run = runExampleInNode(example);
          const refused = example.expect?.configure === 'refused';
          expect(run.summary.configure?.result !== 0).toBe(refused);
          if (!refused) expect(run.summary.failure).toBeUndefined();
          expect(run.timeline.observed).toEqual({
            hooks: example.expect?.hooks,
            libraries: example.expect?.libraries,
          });
        });
      }
    });
  }
});
