// better-sqlite3 13 needs Node 22 or later: under an older Node its addon crashes the process
// without a word, so an older Node is told what to run instead, before the store is opened.
export function unsupportedNode(version = process.versions.node): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return null;
  return `Guichet needs Node 22.12 or later, and this is Node ${version}. Start it with npm (npm run start:browser): npm scripts run the Node 24 installed in node_modules.`;
}
