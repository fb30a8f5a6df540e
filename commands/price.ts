import { defineCommand, publicReply } from '../src/command/command.ts';
import { clip } from '../src/command/resolvers.ts';
import { tokenize } from '../src/command/tokenize.ts';
import { changeBasis } from '../src/domain/analytics.ts';
import type { Field, FooterNote } from '../src/domain/document.ts';
import { formatInstant, formatPercentChange, formatPrice, signed } from '../src/domain/format.ts';
import { isQuoteOutdated } from '../src/domain/freshness.ts';
import { ASSET_INFO, resolveAsset } from '../src/domain/instruments.ts';
import type { Quote } from '../src/domain/market-data.ts';
import { UserError } from '../src/errors.ts';

const USAGE = '/price <asset>';
const ASSET_LIST = 'gold, silver, wti, brent, xrp, btc, usdjpy';

/** How each kind of figure should be read; shown beside the price. */
export const KIND_LABEL: Readonly<Record<Quote['kind'], string>> = {
  spot: 'spot',
  futures: 'front-month futures',
  delayed: 'delayed',
  'end-of-day': 'end-of-day',
};

export const priceCommand = defineCommand({
  name: 'price',
  summary: 'The last price of gold, silver, oil, XRP, BTC or USD/JPY, with its change and source.',
  usage: USAGE,
  examples: ['/price gold', '/price oil', '/price ripple', '/price usdjpy'],
  options: [{ name: 'asset', description: `One of ${ASSET_LIST}`, required: true, autocomplete: true }],
  async run(text, context) {
    const tokens = tokenize(text);
    const word = tokens.join(' ');
    if (word === '') {
      throw new UserError(
        'MISSING_ARGUMENT',
        'Which asset?',
        `Type ${USAGE} with one of: ${ASSET_LIST}. Example: /price gold`,
      );
    }
    const asset = resolveAsset(word);
    if (asset === undefined) {
      throw new UserError(
        'BAD_ARGUMENT',
        `"${clip(word)}" is not an asset briefbot follows.`,
        `Try one of: ${ASSET_LIST} (aliases: xau, oil, ripple, bitcoin, yen).`,
      );
    }
    const info = ASSET_INFO[asset];
    const sourced = await context.market.quote(asset);
    const quote = sourced.value;
    const fields: Field[] = [
      { label: 'Last', value: `${formatPrice(quote.price, info.decimals)} ${info.unit}` },
    ];
    // Sources that give no previous close (gold-api, Swissquote) are measured against the last
    // price briefbot recorded on an earlier day, from the same source; across a futures roll, or
    // between two sources, no change is shown, and the reply says why.
    const basis = changeBasis(quote, await context.store.history.series(asset));
    if ('price' in basis) {
      const change = quote.price - basis.price;
      fields.push({
        label: 'Change',
        value: `${signed(change, info.decimals)} (${formatPercentChange(basis.price, quote.price)}) vs ${basis.label}`,
      });
    } else {
      fields.push({ label: 'Change', value: `not available: ${basis.withheld}` });
    }
    fields.push({
      label: 'Type',
      value: quote.contract ? `${KIND_LABEL[quote.kind]} (${quote.contract})` : KIND_LABEL[quote.kind],
    });
    fields.push({ label: 'As of', value: formatInstant(quote.asOf) });

    const footer: FooterNote[] = [
      {
        text: `Source: ${quote.source.name} · ${KIND_LABEL[quote.kind]} · as of ${formatInstant(quote.asOf)}`,
      },
    ];
    if (isQuoteOutdated(quote, context.now())) {
      footer.push({
        text: `Stale: this price is from ${formatInstant(quote.asOf)}; the market may be closed or the source behind.`,
        warning: true,
      });
    }
    if (sourced.stale) {
      footer.push({
        text: `Stale: the last refresh failed; showing the price fetched ${formatInstant(sourced.fetchedAt)}.`,
        warning: true,
      });
    }
    return publicReply({
      title: `${info.label} ${formatPrice(quote.price, info.decimals)} ${info.unit}`,
      blocks: [{ kind: 'fields', items: fields }],
      footer,
    });
  },
});
