import { app, pages } from '@microsoft/teams-js';
import { applyTheme, asTheme, detectHost } from './host';

/**
 * Configuration page of the channel tab: Teams shows it when someone adds «SLT-oversikt» to a
 * channel. There is nothing to choose — the tab shows each viewer what they may read, starting
 * with the channel's own body — so it declares the settings valid and saves them on «Lagre».
 */
async function main(): Promise<void> {
  const status = document.getElementById('status')!;
  const host = await detectHost();
  applyTheme(host.theme);
  if (!host.inTeams) {
    status.textContent = 'Denne siden brukes når fanen legges til i en kanal i Microsoft Teams.';
    return;
  }
  app.registerOnThemeChangeHandler((t) => applyTheme(asTheme(t)));
  pages.config.registerOnSaveHandler((save) => {
    const base = `${location.origin}/tab/index.html`;
    pages.config
      .setConfig({ entityId: 'slt-oversikt', contentUrl: base, websiteUrl: base, suggestedDisplayName: 'SLT-oversikt' })
      .then(() => save.notifySuccess())
      .catch((err: unknown) => save.notifyFailure(String(err)));
  });
  pages.config.setValidityState(true);
  status.textContent = 'Trykk «Lagre» for å legge SLT-oversikten til i kanalen.';
  app.notifySuccess();
}

void main();
