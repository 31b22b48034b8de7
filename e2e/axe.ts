// axe-core (Deque's accessibility engine) over a page or part of one: the WCAG 2.0/2.1 A and
// AA rules it can check automatically. Violations are returned readable, so a failure says
// which rule and which element.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** `rule (impact): selector: why` for every violation, empty when there is none. */
export async function accessibilityViolations(
  page: Page,
  options: { include?: string; exclude?: readonly string[] } = {},
): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${node.target.join(' ')}: ${
          node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help
        }`,
    ),
  );
}

/** Monaco paints its gutter (line numbers, the dimmed final line) in its theme's colours. */
export const MONACO_GUTTER = '.monaco-editor .margin';
