/**
 * The view follows the host, not the OS: its theme picks the renderer's light or dark palette, and
 * its colours and fonts, where it gives them, replace the renderer's tokens.
 */
import {
  applyHostFonts,
  applyHostStyleVariables,
  type McpUiHostContext,
  type McpUiStyleVariableKey,
} from '@modelcontextprotocol/ext-apps';

/** [the renderer's token (theme.css), the host's variable that stands for it]. */
const TOKENS: [string, McpUiStyleVariableKey][] = [
  ['--bg', '--color-background-primary'],
  ['--surface', '--color-background-primary'],
  ['--surface-2', '--color-background-secondary'],
  ['--sunken', '--color-background-secondary'],
  ['--border', '--color-border-tertiary'],
  ['--border-strong', '--color-border-secondary'],
  ['--text', '--color-text-primary'],
  ['--muted', '--color-text-secondary'],
  ['--faint', '--color-text-tertiary'],
  ['--danger', '--color-text-danger'],
  ['--font', '--font-sans'],
  ['--mono', '--font-mono'],
  ['--radius', '--border-radius-md'],
  ['--radius-sm', '--border-radius-sm'],
];

export function applyHostContext(context: McpUiHostContext | undefined): void {
  if (!context) return;
  if (context.theme) applyTheme(context.theme);
  const variables = context.styles?.variables;
  if (variables) {
    applyHostStyleVariables(variables);
    const root = document.documentElement.style;
    for (const [ours, host] of TOKENS) {
      const value = variables[host];
      if (value) root.setProperty(ours, value);
    }
  }
  if (context.styles?.css?.fonts) applyHostFonts(context.styles.css.fonts);
}

/**
 * theme.css switches palettes with `@media (prefers-color-scheme: dark)`, which inside the host's
 * iframe follows the OS. Turning those rules on or off keeps one palette file for both faces.
 */
function applyTheme(theme: 'light' | 'dark'): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  for (const rule of darkSchemeRules()) rule.media.mediaText = theme === 'dark' ? 'all' : 'not all';
}

let darkRules: CSSMediaRule[] | undefined;

function darkSchemeRules(): CSSMediaRule[] {
  darkRules ??= [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules])
    .filter(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(rule.conditionText),
    );
  return darkRules;
}
