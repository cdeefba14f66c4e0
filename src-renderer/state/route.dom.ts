// Where the user is, kept in the URL hash so a reload, a bookmark or the browser's
// back button lands on the same screen.
export const SCREENS = ['calendar', 'dossiers', 'options', 'cart', 'companions', 'contacts', 'orders', 'tickets', 'vouchers', 'sync', 'account'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  params: Record<string, string>;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : 'calendar';
  return { screen, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function routeHash({ screen, params }: Route): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();
  return `#/${screen}${query ? `?${query}` : ''}`;
}
