import type { SqlDatabase, SqlValue } from './sql-database.ts';
import type { AuditLog } from './store.ts';

interface AuditRow {
  at: string;
  platform: string;
  actor_id: string;
  channel_id: string;
  action: string;
  target: string;
  detail: string | null;
}

export function createSqlAuditLog(db: SqlDatabase): AuditLog {
  return {
    async record(entry) {
      await db.run(
        'INSERT INTO audit_log (at, platform, actor_id, channel_id, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [
          entry.at,
          entry.platform,
          entry.actorId,
          entry.channelId,
          entry.action,
          entry.target,
          entry.detail === undefined ? null : JSON.stringify(entry.detail),
        ],
      );
    },
    async list(filter) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (filter.target !== undefined) {
        where.push('target = ?');
        params.push(filter.target);
      }
      if (filter.channelId !== undefined) {
        where.push('channel_id = ?');
        params.push(filter.channelId);
      }
      const rows = await db.all<AuditRow>(
        `SELECT at, platform, actor_id, channel_id, action, target, detail FROM audit_log
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
        [...params, filter.limit ?? 100],
      );
      return rows.map((row) => ({
        at: row.at,
        platform: row.platform,
        actorId: row.actor_id,
        channelId: row.channel_id,
        action: row.action,
        target: row.target,
        ...(row.detail === null ? {} : { detail: JSON.parse(row.detail) as Record<string, unknown> }),
      }));
    },
  };
}
