import type { ChannelAddress, Platform } from '../delivery/channel-poster.ts';
import type { PosterRegistry } from '../delivery/poster-registry.ts';
import type { Document } from '../domain/document.ts';
import { formatBpChange, formatSigma } from '../domain/format.ts';
import type { Logger } from '../log/logger.ts';
import type { MarketService } from '../market/market-service.ts';
import type { AlertFiring, AlertRepository } from './alert-repository.ts';
import {
  type AlertRule,
  type AlertSubject,
  conditionLabel,
  INITIAL_STATE,
  subjectLabel,
  whyItCannotFire,
} from './alert-rule.ts';
import { type AlertSender, alertPoster } from './alert-sender.ts';
import { type AlertObservation, type AlertTuning, evaluateAlert } from './evaluate-alert.ts';
import { observeSubject, type PriceHistory } from './observe-subject.ts';

export interface AlertCheckerDeps {
  readonly repository: AlertRepository;
  readonly market: MarketService;
  readonly prices: PriceHistory;
  readonly posters: PosterRegistry;
  readonly log: Logger;
  readonly sigmaWindowDays: number;
  readonly now?: () => Date;
  readonly tuning?: AlertTuning;
  /**
   * Posts a firing in the background, retrying with a look in the channel first (`serve` uses
   * one). Without it each firing is posted once, and a failure is only logged.
   */
  readonly sender?: Pick<AlertSender, 'send'>;
}

/**
 * Evaluates every alert against fresh data. A firing is claimed by moving the alert's stored state
 * (compare-and-set) before anything is posted, so it happens once across restarts and instances;
 * the price of that order is that a post that still fails after the sender's retries is logged, not sent
 * later.
 */
export function createAlertChecker(deps: AlertCheckerDeps) {
  const now = deps.now ?? (() => new Date());
  const reportedDead = new Set<string>();

  /**
   * Evaluates every alert, or with `refreshed` (refresh task keys such as `curve:jp`, `quote:gold`)
   * only those whose subject was just refreshed: the others' data has not changed, and reading it
   * could mean waiting on a source still being refreshed.
   */
  async function checkAll(refreshed?: readonly string[]): Promise<AlertFiring[]> {
    const wanted = refreshed === undefined ? undefined : new Set(refreshed);
    const rules = (await deps.repository.all()).filter(
      (rule) => wanted === undefined || wanted.has(refreshKeyOf(rule.subject)),
    );
    const observations = new Map<string, Promise<AlertObservation | undefined>>();
    const fired: AlertFiring[] = [];
    for (const rule of rules) {
      const why = whyItCannotFire(rule);
      // Said once per process, and still evaluated (the FRED fallback could serve it); its owners
      // see the same in /alert list.
      if (why !== undefined && !reportedDead.has(rule.id)) {
        reportedDead.add(rule.id);
        deps.log.warn(
          { ruleId: rule.id, channel: rule.channelId, platform: rule.platform },
          `alert cannot fire: ${why}`,
        );
      }
      const key = JSON.stringify(rule.subject);
      let observation = observations.get(key);
      if (!observation) {
        observation = observeSubject(rule.subject, deps.market, deps.prices, deps.sigmaWindowDays).catch(
          (error: unknown) => {
            deps.log.warn({ err: error, subject: key }, 'alert subject could not be observed');
            return undefined;
          },
        );
        observations.set(key, observation);
      }
      const seen = await observation;
      if (!seen) continue;
      const firing = await checkOne(rule, seen);
      if (firing) fired.push(firing);
    }
    return fired;
  }

  async function checkOne(rule: AlertRule, observation: AlertObservation): Promise<AlertFiring | undefined> {
    const stored = await deps.repository.state(rule.id);
    const at = now();
    const result = evaluateAlert(rule, stored ?? INITIAL_STATE, observation, at, deps.tuning);
    if (JSON.stringify(result.state) === JSON.stringify(stored ?? INITIAL_STATE)) return undefined;
    const claimed = await deps.repository.transition(rule.id, stored, result.state);
    if (!claimed || !result.fired) return undefined;

    const document = alertDocument(rule, observation, result.fired.reason);
    const firing: AlertFiring = {
      ruleId: rule.id,
      platform: rule.platform,
      channelId: rule.channelId,
      firedAt: at.toISOString(),
      text: alertTitle(rule),
    };
    await deps.repository.recordFiring(firing);
    await post({ platform: rule.platform as Platform, channelId: rule.channelId }, document, rule.id);
    return firing;
  }

  async function post(address: ChannelAddress, document: Document, ruleId: string): Promise<void> {
    if (deps.sender) {
      deps.sender.send(address, document, ruleId);
      return;
    }
    const poster = alertPoster(deps, address, document, ruleId);
    if (!poster) return;
    try {
      await poster.post(address.channelId, document);
    } catch (error) {
      deps.log.error({ err: error, ruleId, channel: address.channelId }, 'alert could not be posted');
    }
  }

  return { checkAll };
}

/** What the alert is about, as a brief's list of alerts since the last one shows it. */
function alertTitle(rule: AlertRule): string {
  return `Alert: ${subjectLabel(rule.subject)} ${conditionLabel(rule.condition, rule.subject)}`;
}

/** The refresher's task key for the data an alert's subject reads. */
export function refreshKeyOf(subject: AlertSubject): string {
  return subject.kind === 'yield' ? `curve:${subject.market}` : `quote:${subject.asset}`;
}

export function alertDocument(rule: AlertRule, observation: AlertObservation, reason: string): Document {
  const isYield = rule.subject.kind === 'yield';
  const level = isYield
    ? `${observation.value.toFixed(3)}%`
    : observation.value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  const facts = [{ label: 'Level', value: `${level} (${observation.asOf})` }];
  if (observation.change !== undefined) {
    facts.push({
      label: 'Change',
      value: isYield
        ? formatBpChange(observation.change / 100)
        : `${observation.change >= 0 ? '+' : ''}${observation.change.toFixed(2)}%`,
    });
  }
  if (observation.sigma !== undefined) facts.push({ label: 'Move', value: formatSigma(observation.sigma) });
  const extreme = reason === 'high' ? observation.highest : reason === 'low' ? observation.lowest : undefined;
  if (extreme) {
    const word = reason === 'high' ? 'Highest' : 'Lowest';
    facts.push({
      label: 'Note',
      value: extreme.record
        ? `Record ${reason} for the series (data from ${extreme.since})`
        : extreme.atLeast
          ? `${word} in the loaded history (since at least ${extreme.since})`
          : `${word} since ${extreme.since}`,
    });
  }
  return {
    // The id makes each alert's message its own, so a look in the channel before posting again
    // (see AlertSender) cannot take another alert on the same figure for this one.
    title: `${alertTitle(rule)} · ${rule.id}`,
    blocks: [
      { kind: 'fields', items: facts },
      { kind: 'text', text: `Alert ${rule.id} · /alert remove ${rule.id} to stop it`, tone: 'muted' },
    ],
    footer: [{ text: `Source: ${observation.source} · as of ${observation.asOf}` }],
  };
}
