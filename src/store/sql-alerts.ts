import type { AlertFiring, AlertRepository } from '../alerts/alert-repository.ts';
import type { AlertCondition, AlertRule, AlertState, AlertSubject } from '../alerts/alert-rule.ts';
import type { SqlDatabase } from './sql-database.ts';

interface RuleRow {
  id: string;
  platform: string;
  channel_id: string;
  created_by: string;
  created_at: string;
  subject: string;
  condition: string;
}

const RULE_COLUMNS = 'id, platform, channel_id, created_by, created_at, subject, condition';

/**
 * Alert rules, their state and their firings: the alerts' own port, stored. `transition` is a
 * compare-and-set on the state's JSON text, so one observation fires once across instances.
 */
export function createSqlAlerts(db: SqlDatabase): AlertRepository {
  return {
    async add(rule) {
      await db.run(`INSERT INTO alert_rules (${RULE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        rule.id,
        rule.platform,
        rule.channelId,
        rule.createdBy,
        rule.createdAt,
        JSON.stringify(rule.subject),
        JSON.stringify(rule.condition),
      ]);
    },
    async list(platform, channelId) {
      const rows = await db.all<RuleRow>(
        `SELECT ${RULE_COLUMNS} FROM alert_rules WHERE platform = ? AND channel_id = ? ORDER BY created_at, id`,
        [platform, channelId],
      );
      return rows.map(toRule);
    },
    async all() {
      const rows = await db.all<RuleRow>(`SELECT ${RULE_COLUMNS} FROM alert_rules ORDER BY created_at, id`);
      return rows.map(toRule);
    },
    async remove(platform, channelId, id) {
      return db.transaction(async (tx) => {
        const removed = await tx.run(
          'DELETE FROM alert_rules WHERE id = ? AND platform = ? AND channel_id = ?',
          [id, platform, channelId],
        );
        if (removed === 1) await tx.run('DELETE FROM alert_states WHERE rule_id = ?', [id]);
        return removed === 1;
      });
    },
    async state(id) {
      const [row] = await db.all<{ state: string }>('SELECT state FROM alert_states WHERE rule_id = ?', [id]);
      return row ? (JSON.parse(row.state) as AlertState) : undefined;
    },
    async transition(id, expected, next) {
      const changed =
        expected === undefined
          ? await db.run('INSERT INTO alert_states (rule_id, state) VALUES (?, ?) ON CONFLICT DO NOTHING', [
              id,
              JSON.stringify(next),
            ])
          : await db.run('UPDATE alert_states SET state = ? WHERE rule_id = ? AND state = ?', [
              JSON.stringify(next),
              id,
              JSON.stringify(expected),
            ]);
      return changed === 1;
    },
    async recordFiring(firing) {
      await db.run(
        'INSERT INTO alert_firings (rule_id, platform, channel_id, fired_at, text) VALUES (?, ?, ?, ?, ?)',
        [firing.ruleId, firing.platform, firing.channelId, firing.firedAt, firing.text],
      );
    },
    async firedSince(platform, channelId, since) {
      const rows = await db.all<{ rule_id: string; fired_at: string; text: string }>(
        `SELECT rule_id, fired_at, text FROM alert_firings
         WHERE platform = ? AND channel_id = ? AND fired_at >= ? ORDER BY fired_at, id`,
        [platform, channelId, since.toISOString()],
      );
      return rows.map(
        (row): AlertFiring => ({
          ruleId: row.rule_id,
          platform,
          channelId,
          firedAt: row.fired_at,
          text: row.text,
        }),
      );
    },
  };
}

function toRule(row: RuleRow): AlertRule {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    subject: JSON.parse(row.subject) as AlertSubject,
    condition: JSON.parse(row.condition) as AlertCondition,
  };
}
