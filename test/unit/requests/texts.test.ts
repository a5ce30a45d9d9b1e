import { CHANNELS, REQUEST_STATUSES, REQUEST_TYPES, RIGHT_OUTCOMES, VERIFICATIONS } from '../../../src/core/requests/model';
import { DEADLINE_COLOURS } from '../../../src/core/requests/deadlines';
import { text, textWith, TEXTS } from '../../../src/core/texts';
import {
  CHANNEL_TEXT, DEADLINE_COLOUR_TEXT, REFUSAL_TEXT, REQUEST_STATUS_TEXT, REQUEST_TEXTS_FI, REQUEST_TYPE_TEXT, RIGHT_OUTCOME_TEXT, VERIFICATION_TEXT,
} from '../../../src/core/texts/requests';

describe('request texts', () => {
  test('every request text is in fi, sv and en, with the same placeholders, and the languages differ', () => {
    for (const key of Object.keys(REQUEST_TEXTS_FI) as (keyof typeof REQUEST_TEXTS_FI)[]) {
      const all = (['fi', 'sv', 'en'] as const).map((l) => TEXTS[l][key]);
      for (const t of all) expect(t.trim()).not.toBe('');
      const holes = all.map((t) => (t.match(/\{\w+\}/g) ?? []).sort().join());
      expect(new Set(holes).size).toBe(1);
      if (!/^reqChannelEmail$|^reqStatusDuplicate$/.test(key)) expect(new Set(all).size).toBeGreaterThan(1);
    }
  });

  test('every enumerated value and every refusal of the machine has its words', () => {
    for (const [values, map] of [[REQUEST_TYPES, REQUEST_TYPE_TEXT], [REQUEST_STATUSES, REQUEST_STATUS_TEXT], [CHANNELS, CHANNEL_TEXT],
      [VERIFICATIONS, VERIFICATION_TEXT], [RIGHT_OUTCOMES, RIGHT_OUTCOME_TEXT], [DEADLINE_COLOURS, DEADLINE_COLOUR_TEXT]] as const) {
      const words = values.map((v) => text('fi', (map as Record<string, keyof typeof REQUEST_TEXTS_FI>)[v]));
      expect(new Set(words).size).toBe(values.length);
    }
    for (const key of Object.values(REFUSAL_TEXT)) expect(text('sv', key)).toBeTruthy();
    expect(textWith('en', 'reqExtensionTooLate', { dueDate: '2026-06-01' })).toContain('by 2026-06-01');
  });
});
