import type { Command } from '../../command/command.ts';
import { ASSET_INFO, ASSETS, MARKETS, type Market, TENORS_BY_MARKET } from '../../domain/instruments.ts';
import { TOPICS } from '../../domain/market-data.ts';
import type { InteractionOption } from './discord-interaction.ts';

/** Discord shows at most 25 suggestions; names and values are capped at 100 characters. */
export const MAX_SUGGESTIONS = 25;
const CHOICE_CHARS = 100;

export interface Suggestion {
  readonly name: string;
  readonly value: string;
}

export interface AutocompleteSources {
  readonly registry: readonly Command[];
  /** Template names, read once from the template library. */
  readonly templates: () => Promise<readonly string[]>;
}

const CURVE_COMPARISONS = ['1w', '1m', '1y'] as const;
const ZONE_OPTION_NAMES = new Set(['zone', 'tz', 'timezone', 'time_zone']);

/**
 * Suggestions for the option being typed, from the same domain lists the commands resolve against:
 * tenors of the chosen market, assets (matched on their aliases too), headline topics, IANA time
 * zones, template and command names. Matches at the start rank before matches inside.
 */
export async function suggest(
  focused: InteractionOption,
  siblings: readonly InteractionOption[],
  sources: AutocompleteSources,
): Promise<Suggestion[]> {
  const typed = String(focused.value ?? '')
    .trim()
    .toLowerCase();
  const candidates = await candidatesFor(focused.name, siblings, sources);
  const starts = candidates.filter((c) => c.match.some((m) => m.startsWith(typed)));
  const inside = candidates.filter((c) => !starts.includes(c) && c.match.some((m) => m.includes(typed)));
  return [...starts, ...inside].slice(0, MAX_SUGGESTIONS).map(({ name, value }) => ({
    name: name.slice(0, CHOICE_CHARS),
    value: value.slice(0, CHOICE_CHARS),
  }));
}

interface Candidate extends Suggestion {
  /** Lower-case strings the typed text is matched against. */
  readonly match: readonly string[];
}

const plain = (value: string): Candidate => ({ name: value, value, match: [value.toLowerCase()] });

async function candidatesFor(
  option: string,
  siblings: readonly InteractionOption[],
  sources: AutocompleteSources,
): Promise<Candidate[]> {
  if (option === 'tenor') return TENORS_BY_MARKET[marketOf(siblings)].map(plain);
  if (option === 'asset') {
    return ASSETS.map((asset) => ({
      name: `${ASSET_INFO[asset].label} (${asset})`,
      value: asset,
      match: [asset, ASSET_INFO[asset].label.toLowerCase(), ...ASSET_INFO[asset].aliases],
    }));
  }
  if (option === 'topic') return TOPICS.map(plain);
  if (ZONE_OPTION_NAMES.has(option)) return timeZones().map(plain);
  if (option === 'template') return (await sources.templates()).map(plain);
  if (option === 'command') return sources.registry.map((c) => plain(c.name));
  if (option === 'vs') return CURVE_COMPARISONS.map(plain);
  if (option === 'instrument') {
    return [
      ...TENORS_BY_MARKET.jp.map(plain),
      ...TENORS_BY_MARKET.us.map((t) => plain(`us ${t}`)),
      ...ASSETS.map(plain),
    ];
  }
  return [];
}

function marketOf(siblings: readonly InteractionOption[]): Market {
  const chosen = siblings.find((o) => o.name === 'market')?.value;
  return (MARKETS as readonly unknown[]).includes(chosen) ? (chosen as Market) : 'jp';
}

let zones: readonly string[] | undefined;
function timeZones(): readonly string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
}
