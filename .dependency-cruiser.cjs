/**
 * The layer rules of SLT-boten, checked by `npm run check:layers` (and in CI through .ci/run).
 * Dependencies point one way:
 *   http → bot → app/router → commands, actions → app (use cases) → views, i18n → domain
 *   storage → domain;  app/main.ts (composition root) may import every layer.
 * Type-only imports count too (tsPreCompilationDeps), so a cycle through types is a cycle.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const layer = (...names) => `^src/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles, type-only imports included.', from: {}, to: { circular: true } },
    {
      name: 'domain-imports-nothing-outward',
      severity: 'error',
      comment: 'src/domain is plain TypeScript over plain types: it owns its ports and imports no other layer.',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/)' },
    },
    {
      name: 'bot-framework-at-the-edge',
      severity: 'error',
      comment: 'botbuilder (archived by Microsoft) and restify stay in src/bot and src/http.',
      from: { path: '^src/', pathNot: layer('bot', 'http') },
      to: { path: 'node_modules/(botbuilder|botbuilder-[^/]+|botframework-[^/]+|restify)/' },
    },
    {
      name: 'table-storage-in-storage',
      severity: 'error',
      comment: 'Only src/storage talks to Azure Table Storage.',
      from: { path: '^src/', pathNot: '^src/storage/' },
      to: { path: 'node_modules/@azure/data-tables/' },
    },
    {
      name: 'graph-in-graph',
      severity: 'error',
      comment: 'Only src/graph talks to Microsoft Graph and Entra (MSAL, the Graph types); the rest sees the MeetingCalendar port.',
      from: { path: '^src/', pathNot: '^src/graph/' },
      // The Graph types package has no JavaScript, so it stays unresolved: match its bare name too.
      to: { path: '(^|node_modules/)(@azure/msal-[^/]+|@microsoft/microsoft-graph-types)(/|$)' },
    },
    {
      name: 'graph-below-use-cases',
      severity: 'error',
      comment: 'src/graph implements a domain port; it knows no use case, handler, view, storage or edge.',
      from: { path: '^src/graph/' },
      to: { path: layer('app', 'actions', 'commands', 'views', 'bot', 'http', 'tab-api', 'scheduler', 'storage') },
    },
    {
      name: 'commands-and-actions-apart',
      severity: 'error',
      comment: 'A command and a card verb share code through src/app or src/views, never by importing each other.',
      from: { path: layer('commands') },
      to: { path: layer('actions') },
    },
    {
      name: 'actions-and-commands-apart',
      severity: 'error',
      comment: 'A command and a card verb share code through src/app or src/views, never by importing each other.',
      from: { path: layer('actions') },
      to: { path: layer('commands') },
    },
    {
      name: 'use-cases-below-handlers',
      severity: 'error',
      comment: 'src/app holds the use cases handlers call; only the router and the composition root know the handler tables and the edge.',
      from: { path: '^src/app/', pathNot: '^src/app/(main|router)\\.ts$' },
      to: { path: layer('actions', 'commands', 'bot', 'http', 'tab-api') },
    },
    {
      name: 'views-render-only',
      severity: 'error',
      comment: 'Views turn plain data into cards and documents; they call no use case, handler, edge or scheduler.',
      from: { path: layer('views') },
      to: { path: layer('app', 'actions', 'commands', 'bot', 'http', 'scheduler', 'tab-api') },
    },
    {
      name: 'i18n-is-texts',
      severity: 'error',
      comment: 'Texts may name domain types, nothing else.',
      from: { path: layer('i18n') },
      to: { path: '^src/(?!(i18n|domain)/)' },
    },
    {
      name: 'storage-below-use-cases',
      severity: 'error',
      comment: 'Repositories implement the domain ports; they know no use case, handler, view or edge.',
      from: { path: layer('storage') },
      to: { path: layer('app', 'actions', 'commands', 'views', 'bot', 'http', 'tab-api', 'scheduler') },
    },
    {
      name: 'bot-builds-no-storage',
      severity: 'error',
      comment: 'The bot edge gets its repositories from the composition root.',
      from: { path: layer('bot', 'http') },
      to: { path: '^src/storage/table/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
  },
};
