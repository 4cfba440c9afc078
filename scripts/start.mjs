// `pnpm start`: the playground arrives with the browser-facing handler issue. Until then this says so.
console.log('Roster playground: not built yet. Run `pnpm test` for the test suite.');
