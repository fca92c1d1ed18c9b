import type { Page } from '@playwright/test';

/**
 * Waits until the page and each of its frames has its fonts loaded and every finite transition and
 * animation finished (Svelte's transitions run as Web Animations too): what a screenshot shows and
 * what axe measures colours against. Endless ones (a spinner) are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    await frame.evaluate(async () => {
      await document.fonts.ready;
      // One frame first, so a transition that a just-finished state change starts is counted.
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      const finite = document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
      await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    });
  }
}
