/**
 * Where a tip happened: a place typed and looked up with the geocoder, or the device's
 * location named by the reverse geocoder. Either way the reporter sees the place in plain
 * words ("ตำบลบางนาค อำเภอเมืองนราธิวาส") before sending, and may clear it.
 */
import type { GeocodeResult, LatLon } from '../../../shared/types.js';
import { endpoints } from '../api.js';
import { field, h, replaceChildren } from '../dom.js';
import { live, liveAttr, t } from '../i18n/i18n.js';
import { placeWords } from '../format.js';
import { currentPosition } from '../geolocation.js';

/** What the tip will carry about its place. */
export type PlaceChoice =
  | { kind: 'none' }
  | { kind: 'address'; text: string; found: GeocodeResult }
  | { kind: 'gps'; point: LatLon & { accuracyM?: number }; found: GeocodeResult | null };

export interface PlacePicker {
  element: HTMLElement;
  choice(): PlaceChoice;
  /** The typed text when the reporter never pressed "find" (sent as the address). */
  typed(): string;
  reset(): void;
}

/** The address box; a search field so the phone's keyboard offers "search" (Enter looks it up). */
function addressInput(): HTMLInputElement {
  const input = h('input', {
    name: 'address',
    type: 'search',
    autocomplete: 'off',
    maxlength: 500,
    enterkeyhint: 'search',
  });
  liveAttr(input, 'placeholder', 'tip.placePlaceholder');
  return input;
}

/** The fieldset around the parts, its two buttons starting the look-ups the picker owns. */
function pickerFieldset(
  input: HTMLInputElement,
  preview: HTMLElement,
  find: () => Promise<void>,
  locate: () => Promise<void>,
): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'place-picker' },
    h('legend', {}, live('tip.placeLegend')),
    field(live('tip.placeLabel'), input, live('tip.placeHint')),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'secondary find-place', onclick: () => void find() }, live('tip.findPlace')),
      h(
        'button',
        { type: 'button', class: 'secondary use-location', onclick: () => void locate() },
        live('gps.useMine'),
      ),
    ),
    preview,
  );
}

/** Builds the fieldset; the location is only asked for when the reporter presses the button. */
export function createPlacePicker(): PlacePicker {
  let choice: PlaceChoice = { kind: 'none' };
  const input = addressInput();
  const preview = h('p', { class: 'place-preview', role: 'status', 'aria-live': 'polite' });
  const say = (kind: string, render: () => string) => {
    preview.className = `place-preview ${kind}`.trim();
    replaceChildren(preview, live(render));
  };
  const showChoice = () => {
    if (choice.kind === 'none') return say('', () => '');
    const found = choice.found;
    if (!found || found.precision === 'none') return say('warn', () => t('tip.placeNotFound'));
    say('ok', () => t('tip.placeWillSend', { place: placeWords(found.admin) }));
  };
  const find = async () => {
    const text = input.value.trim();
    if (!text) return say('warn', () => t('tip.placeTypeFirst'));
    say('', () => t('common.searching'));
    try {
      choice = { kind: 'address', text, found: await endpoints.geocode(text) };
    } catch {
      choice = { kind: 'none' };
      return say('warn', () => t('common.offline'));
    }
    showChoice();
  };
  const locate = async () => {
    say('', () => t('gps.finding'));
    const pos = await currentPosition();
    if (!pos.ok) return say('warn', () => t(pos.reason === 'denied' ? 'gps.denied' : 'gps.unavailable'));
    let found: GeocodeResult | null = null;
    try {
      found = await endpoints.reverseGeocode(pos.point);
    } catch {
      found = null;
    }
    choice = { kind: 'gps', point: pos.point, found };
    input.value = '';
    showChoice();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void find();
  });
  input.addEventListener('input', () => {
    if (choice.kind === 'address') choice = { kind: 'none' };
    showChoice();
  });
  const element = pickerFieldset(input, preview, find, locate);
  return {
    element,
    choice: () => choice,
    typed: () => input.value.trim(),
    reset() {
      choice = { kind: 'none' };
      input.value = '';
      showChoice();
    },
  };
}
