/**
 * Links to one hotspot (`/#h=<id>`, the link in alert SMS). A hotspot still in the snapshot
 * is focused; one that has merged opens its successor with a word about it; one that has
 * ended says so plainly instead of leaving the reader on the default view.
 */
import type { PublicHotspotCollection, PublicHotspotFeature } from '../../../shared/api/wire.js';
import { parseDeepLink } from '../../../shared/links.js';
import { endpoints } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { live, type MessageKey } from '../i18n/i18n.js';

interface LinkDeps {
  snapshot(): PublicHotspotCollection | undefined;
  focus(f: PublicHotspotFeature): void;
  notice: HTMLElement;
}

function say(notice: HTMLElement, key: MessageKey, kind: 'info' | 'ended'): void {
  notice.className = `link-notice ${kind}`;
  notice.dataset.link = kind === 'ended' ? 'ended' : 'merged';
  replaceChildren(notice, h('p', {}, live(key)));
}

async function follow(deps: LinkDeps, hotspotId: string): Promise<void> {
  replaceChildren(deps.notice);
  delete deps.notice.dataset.link;
  const find = (id: string) => deps.snapshot()?.features.find((f) => f.properties.id === id);
  const direct = find(hotspotId);
  if (direct) return deps.focus(direct);
  let state: 'merged' | 'ended' | 'unknown' = 'unknown';
  let successor: PublicHotspotFeature | undefined;
  try {
    const link = await endpoints.hotspotLink(hotspotId);
    successor = link.currentId ? find(link.currentId) : link.state === 'active' ? find(link.id) : undefined;
    state = successor ? 'merged' : 'ended';
  } catch {
    // A 404 is a hotspot the server no longer knows: for the reader, it has ended.
    state = navigator.onLine ? 'ended' : 'unknown';
  }
  if (successor) {
    deps.focus(successor);
    say(deps.notice, 'link.merged', 'info');
  } else say(deps.notice, state === 'unknown' ? 'link.unknown' : 'link.ended', 'ended');
}

/** Follows the link in the URL now and on every later hash change. */
export function followHotspotLink(deps: LinkDeps): void {
  const run = () => {
    const link = parseDeepLink(location.hash);
    if (link.kind === 'hotspot') void follow(deps, link.hotspotId);
  };
  window.addEventListener('hashchange', run);
  run();
}
