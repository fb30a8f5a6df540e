import { COMMANDS } from '../commands/index.ts';
import type { AlertRepository } from './alerts/alert-repository.ts';
import type { Caller, Command, CommandContext } from './command/command.ts';
import type { Config } from './config/config.ts';
import { createPosterRegistry, type PosterRegistry } from './delivery/poster-registry.ts';
import { ASSETS, type Asset } from './domain/instruments.ts';
import type { QuoteSource } from './domain/market-data.ts';
import type { Logger } from './log/logger.ts';
import { createMarketService, type MarketService, type MarketServiceDeps } from './market/market-service.ts';
import { collectHeadlines } from './news/collect-headlines.ts';
import { createRssFeedSource } from './news/create-rss-feed-source.ts';
import { DEFAULT_FEEDS } from './news/default-feeds.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { createSourceHealth } from './ops/source-health.ts';
import { createCache } from './sources/cache.ts';
import { createFredCurveProvider } from './sources/fred/create-fred-curve-provider.ts';
import { createHttpClient, type HttpClient } from './sources/http-client.ts';
import { createMofJgbSources } from './sources/mof/create-mof-jgb-provider.ts';
import { createBinanceProvider } from './sources/prices/binance-provider.ts';
import { createCoinGeckoProvider } from './sources/prices/coingecko-provider.ts';
import { QUOTE_CHAIN, type QuoteSourceId } from './sources/prices/default-chains.ts';
import { createFredPriceProvider } from './sources/prices/fred-price-provider.ts';
import { createGoldApiProvider } from './sources/prices/gold-api-provider.ts';
import { createKrakenProvider } from './sources/prices/kraken-provider.ts';
import { createSwissquoteProvider } from './sources/prices/swissquote-provider.ts';
import { createYahooProvider } from './sources/prices/yahoo-provider.ts';
import {
  createTreasuryCsvProvider,
  createTreasuryXmlProvider,
} from './sources/treasury/create-treasury-provider.ts';
import { createStore } from './store/create-store.ts';
import type { Store } from './store/store.ts';
import type { SummariseBrief } from './summary/brief-summaries.ts';
import { createSummariesFromConfig } from './summary/summaries-from-config.ts';

/** The assembled bot: one market service, one command registry, shared by every transport. */
export interface Briefbot {
  readonly config: Config;
  readonly log: Logger;
  readonly http: HttpClient;
  readonly market: MarketService;
  readonly commands: readonly Command[];
  readonly metrics: Metrics;
  /** Channel posters registered by the platform transports, for scheduled briefs and alerts. */
  readonly posters: PosterRegistry;
  readonly alerts: AlertRepository;
  /** Schedules, the delivery ledger, the audit log and history, on `DATABASE_URL` (opened on first use). */
  readonly store: Store;
  /** The grounded LLM lead for a brief (issue 7); answers undefined when summaries are off. */
  readonly summariseBrief: SummariseBrief;
  readonly sourceHealth: ReturnType<typeof createSourceHealth>;
  contextFor(caller: Caller): CommandContext;
}

export interface BriefbotOptions {
  readonly log: Logger;
  readonly now?: () => Date;
  /** Process metrics (CPU, memory, event loop); off for short-lived CLI runs and benches. */
  readonly defaultMetrics?: boolean;
  /** Overrides of the cache TTLs; tests use 0 to force a refresh on every read. */
  readonly ttlMs?: MarketServiceDeps['ttlMs'];
}

/** The composition root: the only place that knows which adapter serves which port. */
export function createBriefbot(config: Config, options: BriefbotOptions): Briefbot {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const http = createHttpClient({ timeoutMs: config.SOURCE_TIMEOUT_MS });
  const metrics = createMetrics({ defaultMetrics: options.defaultMetrics ?? true });
  const sourceHealth = createSourceHealth(now);
  const store = createStore(config.DATABASE_URL, { now });
  // Alert rules and state live in the store, so a restart or a second instance never fires twice.
  const alerts = store.alerts;
  const summariseBrief = createSummariesFromConfig(config, { log, now, usage: store.tokenUsage });
  const cache = createCache({
    onRefreshError: (key, error) => log.warn({ key, err: error }, 'refresh failed'),
  });

  const quoteSources: Readonly<Record<QuoteSourceId, QuoteSource>> = {
    'gold-api': createGoldApiProvider({ http, baseUrl: config.GOLDAPI_BASE_URL }),
    swissquote: createSwissquoteProvider({ http, baseUrl: config.SWISSQUOTE_BASE_URL }),
    yahoo: createYahooProvider({ http, baseUrl: config.YAHOO_BASE_URL }),
    kraken: createKrakenProvider({ http, baseUrl: config.KRAKEN_BASE_URL }),
    binance: createBinanceProvider({ http, baseUrl: config.BINANCE_BASE_URL }),
    coingecko: createCoinGeckoProvider({
      http,
      baseUrl: config.COINGECKO_BASE_URL,
      ...(config.COINGECKO_API_KEY ? { apiKey: config.COINGECKO_API_KEY } : {}),
    }),
    fred: createFredPriceProvider({ http, baseUrl: config.FRED_BASE_URL }),
  };
  const chains = Object.fromEntries(
    ASSETS.map((asset) => [asset, QUOTE_CHAIN[asset].map((id) => quoteSources[id])]),
  ) as Record<Asset, QuoteSource[]>;

  const feeds = config.NEWS_FEEDS.length > 0 ? config.NEWS_FEEDS.map((url) => ({ url })) : DEFAULT_FEEDS;
  const market = createMarketService({
    curveSources: {
      jp: createMofJgbSources({ http, baseUrl: config.MOF_BASE_URL }),
      us: [
        createTreasuryCsvProvider({ http, baseUrl: config.TREASURY_BASE_URL, now }),
        createTreasuryXmlProvider({ http, baseUrl: config.TREASURY_BASE_URL, now }),
        createFredCurveProvider({ http, baseUrl: config.FRED_BASE_URL }),
      ],
    },
    quoteSources: chains,
    feeds: feeds.map((feed) => createRssFeedSource({ http, ...feed })),
    collectHeadlines: (feeds) =>
      collectHeadlines([...feeds], {
        onError: (source, error) => log.warn({ source: source.id, err: error }, 'feed failed'),
      }),
    cache,
    log,
    ...(options.ttlMs ? { ttlMs: options.ttlMs } : {}),
    observer: {
      onSourceResult(result) {
        sourceHealth.onSourceResult(result);
        metrics.sourceRequest(result, result.durationMs);
      },
    },
  });

  const shared: SharedContext = {
    market,
    now,
    sigmaWindowDays: config.SIGMA_WINDOW_DAYS,
    timeZone: config.TZ_DEFAULT,
    alerts,
    store,
    summariseBrief,
    log,
    metrics,
  };

  return {
    config,
    log,
    http,
    market,
    commands: COMMANDS,
    metrics,
    sourceHealth,
    posters: createPosterRegistry(),
    alerts,
    store,
    summariseBrief,
    contextFor: (caller) => new CallContext(shared, caller),
  };
}

/** What every command context of one bot shares. */
type SharedContext = Pick<
  CommandContext,
  'market' | 'now' | 'sigmaWindowDays' | 'timeZone' | 'alerts' | 'store'
> & {
  readonly summariseBrief: SummariseBrief;
  readonly log: Logger;
  readonly metrics: Metrics;
};

/**
 * One command's context. A class rather than an object literal: one is built for every command
 * answered, and an instance with its logger getter on the prototype is cheaper to make than a
 * literal carrying a getter and a closure. Derive a context with `Object.create(context)` rather than
 * spreading it: a spread copies own fields only and would drop `log`.
 */
class CallContext implements CommandContext {
  readonly market: CommandContext['market'];
  readonly now: () => Date;
  readonly sigmaWindowDays: number;
  readonly timeZone: string;
  readonly alerts: CommandContext['alerts'];
  readonly store: CommandContext['store'];
  readonly summariseBrief: SummariseBrief;
  /** Told of every dispatched command: one shared function, so making a context builds no closure. */
  readonly observe = observeCommand;
  private child: Logger | undefined;

  constructor(
    readonly shared: SharedContext,
    readonly caller: Caller,
  ) {
    this.market = shared.market;
    this.now = shared.now;
    this.sigmaWindowDays = shared.sigmaWindowDays;
    this.timeZone = shared.timeZone;
    this.alerts = shared.alerts;
    this.store = shared.store;
    this.summariseBrief = shared.summariseBrief;
  }

  /** Built on first use: most commands never log, and a child logger per command is measurable. */
  get log(): Logger {
    this.child ??= this.shared.log.child({ platform: this.caller.platform, channel: this.caller.channelId });
    return this.child;
  }
}

function observeCommand(
  this: CallContext,
  event: Parameters<NonNullable<CommandContext['observe']>>[0],
): void {
  this.shared.metrics.commandServed(
    { command: event.command, outcome: event.outcome, platform: this.caller.platform },
    event.durationMs,
  );
}
