import { it } from 'vitest';
import { loadPages } from '../src/build/loadPages';
import { renderMarkdown } from '../src/build/renderMarkdown';
import { runExampleInNode } from './runExampleInNode';

it('show', () => {
  const ids = (process.env.SHOW ?? '').split(',');
  for (const p of loadPages())
    for (const ex of renderMarkdown(p.markdown).examples) {
      if (!ids.includes(ex.id)) continue;
      const r = runExampleInNode(ex);
      console.log(
        ex.id,
        JSON.stringify(r.timeline.observed),
        r.summary.failure,
        JSON.stringify(r.summary.configure),
      );
      for (const l of r.log) console.log('  ', l.step, l.severity, l.logger, l.id, l.text);
      for (const h of r.hooks)
        if (h.library !== undefined)
          console.log(
            '  H',
            h.step,
            h.hook,
            h.callout,
            h.library,
            h.statusBefore,
            h.statusAfter,
            h.returned,
            h.thrown?.message,
          );
      for (const f of r.summary.files) console.log('  F', f.path, JSON.stringify(f.content));
    }
});
