import { app, authentication } from '@microsoft/teams-js';

/** Teams' three themes; the page sets `data-theme` on <html> and the CSS variables follow. */
export type Theme = 'default' | 'dark' | 'contrast';

/** How long to wait for Teams to answer before deciding the page runs outside Teams. */
export const TEAMS_TIMEOUT_MS = 1500;

export interface Host {
  readonly inTeams: boolean;
  readonly theme: Theme;
  readonly locale?: string;
  /** The channel the tab sits in (configurable channel tab). */
  readonly channelId?: string;
  /** A deep link's sub page (`subEntityId`), e.g. `police` from «Se politistatistikk». */
  readonly subPageId?: string;
}

/**
 * Asks teams-js whether the page runs inside Teams. Outside Teams `app.initialize()` rejects at
 * once in a top-level window ("No Parent window found") and never answers inside a foreign
 * iframe (it would time out after 60 s), so a short race decides instead (PLATFORM.md).
 */
export async function detectHost(timeoutMs = TEAMS_TIMEOUT_MS): Promise<Host> {
  const fallback: Host = { inTeams: false, theme: systemTheme() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const won = await Promise.race([app.initialize().then(() => 'teams' as const), timeout]);
    if (won !== 'teams') return fallback;
    const ctx = await app.getContext();
    return { inTeams: true, theme: asTheme(ctx.app.theme), locale: ctx.app.locale, channelId: ctx.channel?.id, subPageId: ctx.page.subPageId };
  } catch (err) {
    // Expected outside Teams; anything else is still "not in Teams", but worth a console line.
    if (!/parent window/i.test(String(err))) console.warn('teams-js initialize failed', err);
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}

/** Follows Teams when the user switches theme. */
export function onThemeChange(apply: (t: Theme) => void): void {
  app.registerOnThemeChangeHandler((t) => apply(asTheme(t)));
}

/** An Entra ID token for our API (teams-js caches and renews it). */
export async function ssoToken(): Promise<string> {
  return authentication.getAuthToken();
}

export function applyTheme(t: Theme): void {
  document.documentElement.dataset.theme = t;
}

export function asTheme(t: string | undefined): Theme {
  return t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'default';
}

/** Outside Teams: the browser's own preference. */
function systemTheme(): Theme {
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}
