// The dist bundle is the CommonJS build of the same API the package's typings describe.
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
