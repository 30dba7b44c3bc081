/** Which view a URL opens: `/coordinator`, `/patrol` (or any page with `#z=lat,lon`), else the public map. */
import { parseDeepLink } from '../../shared/links.js';

export type ViewName = 'public' | 'patrol' | 'coordinator';

/** The view for a path and hash; trailing slashes and `index.html` are ignored. */
export function viewFor(pathname: string, hash: string): ViewName {
  const path = pathname.replace(/\/index\.html$/, '').replace(/\/+$/, '');
  if (path.endsWith('/coordinator')) return 'coordinator';
  if (path.endsWith('/patrol') || parseDeepLink(hash).kind === 'zone') return 'patrol';
  return 'public';
}

/** The path of each view, for the navigation links. */
export const VIEW_PATHS: Record<ViewName, string> = { public: '/', patrol: '/patrol', coordinator: '/coordinator' };
