import { app } from '@microsoft/teams-js';
import type { MeResponse } from '../tab-api/contract';
import { ApiError, type Auth, api, devPeople } from './api';
import { devPicker } from './dev-picker';
import { digestsSection } from './digests-view';
import { h, replace } from './dom';
import { escalationsSection } from './escalations-view';
import { applyTheme, asTheme, detectHost, onThemeChange, ssoToken } from './host';
import { measuresSection } from './measures-view';
import { policeSection } from './police-view';
import { fill, localeOf, type TabLocale, type Texts, textsFor } from './texts';
import { trendsSection } from './trends-view';
import { wheelSection } from './wheel-view';

/**
 * The SLT overview tab. Inside Teams: single sign-on (the API checks the token) and the Teams
 * theme. Outside Teams, and only when the server runs in development mode: a development
 * identity picker under a visible banner. Everything the page shows comes from `/api/tab/…`,
 * which applies the same visibility rules as the bot.
 */
const SECTIONS = ['trends', 'escalations', 'measures', 'wheel', 'digests', 'police'] as const;
type Section = (typeof SECTIONS)[number];

const byId = (id: string): HTMLElement => document.getElementById(id)!;

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const host = await detectHost();
  const locale = localeOf(host.locale ?? params.get('lang') ?? navigator.language);
  const t = textsFor(locale);
  document.documentElement.lang = locale;
  document.title = t.title;
  byId('title').textContent = t.title;
  const theme = params.get('theme') ? asTheme(params.get('theme') ?? undefined) : host.theme;
  applyTheme(theme);
  const status = byId('status');

  if (host.inTeams) {
    onThemeChange(applyTheme);
    await load({ kind: 'sso', token: ssoToken }, t, locale, host.channelId, host.subPageId);
    app.notifySuccess();
    return;
  }
  // With an identity in the address the tab loads at once; the picker fills in alongside.
  const initialUser = params.get('devUser') ?? undefined;
  const initialTenant = params.get('devTenant') ?? undefined;
  const loading = initialUser && initialTenant ? load({ kind: 'dev', user: initialUser, tenant: initialTenant }, t, locale) : undefined;
  const people = await devPeople(initialTenant).catch(() => undefined);
  if (!people) {
    await loading;
    status.hidden = false;
    status.textContent = t.openInTeams;
    byId('sections').hidden = true;
    return;
  }
  const initial = { user: initialUser, tenant: initialTenant ?? people.tenants[0] };
  devPicker(byId('dev-picker'), byId('dev-banner'), t, people, initial, theme, (c) => void load({ kind: 'dev', ...c }, t, locale));
  if (loading) await loading;
  else status.textContent = t.devChoose;
}

let firstRender = true;

async function load(auth: Auth, t: Texts, locale: TabLocale, channelId?: string, subPageId?: string): Promise<void> {
  const status = byId('status');
  const main = byId('sections');
  status.hidden = false;
  status.textContent = t.loading;
  const a = api(auth, locale);
  try {
    // In a channel tab the trends start at the channel's body, which `me` names; elsewhere everything loads at once.
    const meFirst = channelId ? await a.me(channelId) : undefined;
    const filter = { body: meFirst?.channelBodyId };
    const [me, trends, escalations, wheel, digests, police, measures] = await Promise.all([
      meFirst ?? a.me(),
      a.trends(filter),
      a.escalations('open'),
      a.wheel(),
      a.digests(),
      a.police(),
      a.measures(),
    ]);
    who(me, t);
    readers(me, t);
    if (!me.bodies.length) {
      main.hidden = true;
      status.textContent = t.noBodies;
      return;
    }
    trendsSection(byId('trends'), me, a, t, locale, trends, filter);
    escalationsSection(byId('escalations'), a, t, locale, escalations);
    measuresSection(byId('measures'), a, t, measures);
    wheelSection(byId('wheel'), a, t, wheel);
    digestsSection(byId('digests'), a, t, locale, digests);
    policeSection(byId('police'), t, locale, police);
    nav(t, subPageId);
    status.hidden = true;
    main.hidden = false;
    if (firstRender) {
      firstRender = false;
      document.body.dataset.firstRenderMs = String(Math.round(performance.now()));
    }
    document.body.dataset.viewer = me.viewer.id;
  } catch (err) {
    main.hidden = true;
    status.textContent = err instanceof ApiError && err.status === 401 ? t.signInFailed : `${t.failed} ${err instanceof ApiError ? err.message : ''}`;
    status.append(' ', h('button', { type: 'button', onclick: () => void load(auth, t, locale, channelId, subPageId) }, t.retry));
  }
}

function who(me: MeResponse, t: Texts): void {
  const roles = [me.viewer.admin && t.roles.admin, me.viewer.coordinator && t.roles.coordinator, me.viewer.boardMember && t.roles.board]
    .filter(Boolean)
    .join(', ');
  byId('who').textContent = `${fill(t.viewing, { name: me.viewer.name || me.viewer.id })}${roles ? ` (${roles})` : ''}`;
}

/** Each body the viewer may read: its channel kind and how many read it (as Teams defines it). */
function readers(me: MeResponse, t: Texts): void {
  const box = byId('readers');
  box.hidden = me.bodies.length === 0;
  const r = t.readers;
  replace(box.querySelector('summary')!, r.title);
  replace(
    box.querySelector('ul')!,
    ...me.bodies.map((b) => {
      const kind = b.channelKindKnown ? (r.kinds[b.channelKind] ?? b.channelKind) : r.assumed;
      const count = b.memberCount === undefined ? r.unknown : b.memberCount === 1 ? r.one : fill(r.members, { n: b.memberCount });
      return h(
        'li',
        { 'data-body': b.id, 'data-channel-kind': b.channelKind, 'data-members': b.memberCount ?? '' },
        `${b.name}: ${kind}, ${count}`,
        b.sharesReadersWith ? h('span', { class: 'warn' }, ` – ${fill(r.shares, { other: b.sharesReadersWith })}`) : null,
      );
    }),
  );
}

/** The section tabs: all sections are rendered at once; the tabs only show one. */
/** The section shown first: the address's #section, or the deep link's sub page («Se politistatistikk»). */
function nav(t: Texts, subPageId?: string): void {
  const bar = byId('nav');
  const current = ((location.hash.slice(1) || subPageId) as Section) || 'trends';
  const show = (name: Section): void => {
    for (const sec of SECTIONS) {
      byId(sec).hidden = sec !== name;
      document.getElementById(`tab-${sec}`)?.setAttribute('aria-selected', String(sec === name));
    }
  };
  replace(
    bar,
    ...SECTIONS.map((sec) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${sec}`,
          'aria-controls': sec,
          onclick: () => {
            history.replaceState(null, '', `#${sec}`);
            show(sec);
          },
        },
        t.sections[sec],
      ),
    ),
  );
  show(SECTIONS.includes(current) ? current : 'trends');
}

void main();
