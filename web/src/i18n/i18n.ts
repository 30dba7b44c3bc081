/**
 * The app's languages: Thai first, English and Malay on request, the choice remembered in
 * localStorage. One catalogue per language (`messages-*.ts`), typed from the Thai one so a
 * missing key fails the type check. Text shown through `live()` follows the switch without a
 * reload; nothing else in the app needs to know a language changed.
 *
 * A small typed catalogue rather than i18next: the app needs lookup, `{name}` interpolation
 * and one plural split, and the compiler then checks every key in every language.
 */
import { LANGUAGES, type Language } from '../../../shared/types.js';
import type { CoordinatorKey } from '../coordinator/coordinator-messages.js';
import { th, type MessageKey as CommonKey, type Messages } from './messages-th.js';

/** Every key: the common catalogue's, and the coordinator's once its view has loaded it. */
export type MessageKey = CommonKey | CoordinatorKey;
export type Params = Record<string, string | number>;

const STORAGE_KEY = 'phithak.language';
const catalogues: Partial<Record<Language, Messages>> = { th };
/** English and Malay load on first use: a Thai reader never downloads them. */
const loaders: Record<Exclude<Language, 'th'>, () => Promise<Messages>> = {
  en: () => import('./messages-en.js').then((m) => m.en),
  ms: () => import('./messages-ms.js').then((m) => m.ms),
};

/** Catalogues a view brings with its own chunk (the coordinator's), merged over the common one. */
const extra: Record<Language, Record<string, string>> = { th: {}, en: {}, ms: {} };

let current: Language = 'th';
const listeners = new Set<(lang: Language) => void>();

/** BCP 47 tags for Intl: Thai dates in the Buddhist era, as Thai readers write them. */
export const LOCALES: Record<Language, string> = { th: 'th-TH-u-ca-buddhist', en: 'en-GB', ms: 'ms-MY' };

/** The language in use. */
export function language(): Language {
  return current;
}

/** Text for `key` in the current language; `a|b` picks by plural of `params.count`. */
export function t(key: MessageKey, params: Params = {}): string {
  const common = catalogues[current] ?? th;
  let text = extra[current][key] ?? extra.th[key] ?? common[key as CommonKey] ?? th[key as CommonKey] ?? key;
  if (text.includes('|') && typeof params.count === 'number') {
    const [one, other] = text.split('|');
    text = new Intl.PluralRules(LOCALES[current]).select(params.count) === 'one' ? one : other;
  }
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

type Entry = { ref: WeakRef<Node>; render: () => string; attr?: string };
const liveEntries = new Set<Entry>();

function track(entry: Entry): void {
  liveEntries.add(entry);
  // Lists re-render often; drop entries whose nodes are gone, now and then rather than on every switch.
  if (liveEntries.size % 2048 === 0) for (const e of liveEntries) if (!e.ref.deref()) liveEntries.delete(e);
}

/** A text node that re-renders itself when the language changes. */
export function live(render: MessageKey | (() => string)): Text {
  const fn = typeof render === 'function' ? render : () => t(render);
  const node = document.createTextNode(fn());
  track({ ref: new WeakRef(node), render: fn });
  return node;
}

/** Sets an attribute (aria-label, placeholder, title) that follows the language. */
export function liveAttr<E extends Element>(el: E, attr: string, render: MessageKey | (() => string)): E {
  const fn = typeof render === 'function' ? render : () => t(render);
  el.setAttribute(attr, fn());
  track({ ref: new WeakRef(el), render: fn, attr });
  return el;
}

/** Adds a view's own messages in every language (loaded with that view's code). */
export function addMessages(byLanguage: Record<Language, Record<string, string>>): void {
  for (const lang of LANGUAGES) Object.assign(extra[lang], byLanguage[lang]);
}

/** Calls `fn` after every language change (views re-render what `live` cannot reach). */
export function onLanguageChange(fn: (lang: Language) => void): void {
  listeners.add(fn);
}

function apply(): void {
  document.documentElement.lang = current;
  for (const e of liveEntries) {
    const node = e.ref.deref();
    if (!node) liveEntries.delete(e);
    else if (e.attr) (node as Element).setAttribute(e.attr, e.render());
    else node.textContent = e.render();
  }
  for (const fn of listeners) fn(current);
}

/** Switches the language, loading its catalogue first, and remembers the choice. */
export async function setLanguage(lang: Language): Promise<void> {
  if (lang !== 'th' && !catalogues[lang]) catalogues[lang] = await loaders[lang]();
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  apply();
}

/** The remembered language, else Thai (not the browser's: the service is Thai first). */
export function rememberedLanguage(): Language {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'th';
}
