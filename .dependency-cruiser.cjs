/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles (type-only imports included).', from: {}, to: { circular: true } },
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
      comment: 'botbuilder (archived) and restify stay in src/bot and src/http.',
      from: { path: '^src/', pathNot: '^src/(bot|http)/' },
      to: { path: 'node_modules/(botbuilder|botbuilder-[^/]+|botframework-[^/]+|restify)/' },
    },
    {
      name: 'table-storage-in-storage',
      severity: 'error',
      comment: 'Only src/storage talks to Azure Table Storage.',
      from: { path: '^src/', pathNot: '^src/storage/' },
      to: { path: 'node_modules/@azure/data-tables/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
  },
};
