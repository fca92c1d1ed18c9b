import type { Route } from '../lib/routes.js';

/** An editor whose text can exist only in memory: the guard asks before a route would drop it. */
interface UnsavedEditor {
  /** What the user would lose, e.g. `deploy/rollback` or `env.yaml`; undefined when nothing. */
  unsaved(): string | undefined;
  /** Whether showing `to` replaces this editor's text (another runbook, another env file). */
  dropsOn(to: Route): boolean;
  /** The user chose to leave: forget the edits so nothing stale comes back later. */
  discard(): void;
}

/** The question on screen: which files would lose text, and how the user answers. */
export interface DiscardQuestion {
  files: string[];
  answer(leave: boolean): void;
}

/**
 * One guard for every editor. The router asks it before each route change; the window asks it
 * before unloading. Nothing typed is ever dropped without the user saying so.
 */
class UnsavedGuard {
  // Raw: the question is compared by identity, and a proxy would never equal the object asked.
  question = $state.raw<DiscardQuestion | undefined>(undefined);
  private readonly editors: UnsavedEditor[] = [];

  register(editor: UnsavedEditor): void {
    this.editors.push(editor);
  }

  /** Any editor holds text that is not on disk (the browser's leave-page prompt). */
  get any(): boolean {
    return this.editors.some((editor) => editor.unsaved() !== undefined);
  }

  /** Editors that showing `to` would empty. */
  losing(to: Route): UnsavedEditor[] {
    return this.editors.filter((editor) => editor.unsaved() !== undefined && editor.dropsOn(to));
  }

  /** Resolves true when `to` may be shown: nothing is lost, or the user chose to discard it. */
  async allow(to: Route): Promise<boolean> {
    const losing = this.losing(to);
    if (losing.length === 0) return true;
    // A second navigation while asking answers the first question "stay".
    this.question?.answer(false);
    const files = losing.map((editor) => editor.unsaved() ?? '');
    let asked: DiscardQuestion | undefined;
    const leave = await new Promise<boolean>((resolve) => {
      asked = { files, answer: resolve };
      this.question = asked;
    });
    if (this.question === asked) this.question = undefined;
    if (leave) for (const editor of losing) editor.discard();
    return leave;
  }
}

export const unsavedGuard = new UnsavedGuard();
