/**
 * What every view shares: the skip link, the navigation between the three views, the
 * language switch (remembered) and the footer with the hotlines.
 */
import { LANGUAGES, type Language } from '../../shared/types.js';
import { byId, h, replaceChildren } from './dom.js';
import { language, live, liveAttr, onLanguageChange, setLanguage, type MessageKey } from './i18n/i18n.js';
import { VIEW_PATHS, type ViewName } from './router.js';

/** Each language named in itself, so a reader finds theirs whatever is shown now. */
const NATIVE_NAMES: Record<Language, string> = { th: 'ไทย', en: 'English', ms: 'Melayu' };

const NAV: Array<[ViewName, MessageKey]> = [
  ['public', 'nav.public'],
  ['patrol', 'nav.patrol'],
  ['coordinator', 'nav.coordinator'],
];

function languageSwitch(): HTMLElement {
  const buttons = LANGUAGES.map((lang) =>
    h(
      'button',
      {
        type: 'button',
        class: 'lang-button',
        lang,
        'data-lang': lang,
        'aria-pressed': String(lang === language()),
        onclick: () => void setLanguage(lang),
      },
      NATIVE_NAMES[lang],
    ),
  );
  onLanguageChange((lang) => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang))));
  return liveAttr(h('div', { role: 'group', class: 'lang-group' }, ...buttons), 'aria-label', 'shell.language');
}

/** Fills the shell of index.html for `view`. */
export function mountShell(view: ViewName): void {
  replaceChildren(byId('skip-link'), live('shell.skip'));
  const nav = byId('nav');
  liveAttr(nav, 'aria-label', 'shell.navLabel');
  replaceChildren(
    nav,
    ...NAV.map(([name, key]) =>
      h('a', { href: VIEW_PATHS[name], 'aria-current': name === view ? 'page' : undefined }, live(key)),
    ),
  );
  replaceChildren(byId('language-switch'), languageSwitch());
  replaceChildren(
    byId('footer'),
    h(
      'p',
      {},
      live('shell.hotlineLead'),
      ' ',
      h('a', { href: 'tel:1300' }, '1300'),
      ' ',
      live('shell.hotline1300'),
      ' · ',
      h('a', { href: 'tel:191' }, '191'),
      ' ',
      live('shell.hotline191'),
    ),
  );
}
