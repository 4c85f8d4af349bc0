// The Excel add-in build (task pane, custom functions with their Danish metadata, manifest per
// environment) arrives with issue 3. Until then there is nothing to bundle: core/ and cli/ run
// on Node through tsx, and `npm run build` is not defined yet.
export default () => {
  throw new Error('Saldo: tilføjelsesprogrammet til Excel bygges først med issue 3 (se README, "Status").');
};
