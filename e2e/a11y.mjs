// Accessibility checks for the end-to-end tests: injects axe-core (npm `axe-core`, the same
// engine browser extensions use) into a page and returns what it finds. Serious and critical
// violations are what the tests hold at zero: they block or mislead keyboard and screen-reader
// users (no name on a control, contrast below WCAG AA, invalid ARIA, duplicate ids, …).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let source;

/** axe-core's browser bundle, read once. */
async function axeSource() {
  source ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** WCAG A/AA (2.0–2.2) and axe's best-practice rules (landmarks, heading order, one main, …). */
export const WITH_BEST_PRACTICE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe on the page as it is now and returns its violations of at least `impacts`
 * (default serious and critical), each with the rule id, impact, help text and up to five
 * offending elements (their CSS selector and HTML), ready to print.
 * The script is evaluated through the DevTools protocol, so a page's CSP cannot block it.
 */
export async function axeViolations(page, { impacts = ['serious', 'critical'], context = 'html', tags = null } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(await axeSource());
  const violations = await page.evaluate(async ([ctx, tags]) => {
    const options = { resultTypes: ['violations'] };
    if (tags) options.runOnly = { type: 'tag', values: tags };
    const result = await window.axe.run(ctx, options);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), why: n.failureSummary })),
      count: v.nodes.length,
    }));
  }, [context, tags]);
  return violations.filter((v) => impacts.includes(v.impact));
}

/** One readable block per violation, for test output and failure messages. */
export function describeViolations(violations) {
  return violations
    .map((v) => `  ${v.impact} ${v.id} (${v.count}×): ${v.help}\n` + v.nodes.map((n) => `    ${n.target}  ${n.html}\n      ${(n.why || '').replace(/\n/g, ' ')}`).join('\n'))
    .join('\n');
}
