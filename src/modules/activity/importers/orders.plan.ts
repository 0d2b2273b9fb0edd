import { findOrCreateBuyers } from '../../members/index.js';
import { ensureCommunityByName } from '../../communities/index.js';
import { ORDER_COLUMNS, orderRowParser, type OrderImportRow } from '../formats/index.js';
import type { ActivityInput } from '../domain/activity-input.js';
import type { IngestService } from '../ingest.service.js';
import type { ImportPlan, RowOutcome } from './import-plan.js';
import { readRows, type TableImportOptions } from './members.plan.js';

/**
 * Orders CSV/XLSX become purchase activities (and refund activities for refunded orders), keyed by
 * order id within the source, so re-importing an order file never counts an order twice. A refund
 * in a file has no time of its own: it is dated at the order time.
 */
export function ordersPlan(
  opts: TableImportOptions & { source: string },
  ingest: IngestService,
): ImportPlan<OrderImportRow> {
  return {
    read: (file) => readRows(file, ORDER_COLUMNS, { ...opts, keepUnmapped: false }, orderRowParser),

    async apply(tx, ctx, rows) {
      const buyers = await findOrCreateBuyers(
        tx,
        rows.map(({ row }) => row.buyer),
        { source: `import:${opts.source}` },
      );
      const communities = new Map<string, number>();
      const inputs: { index: number; input: ActivityInput }[] = [];
      for (let i = 0; i < rows.length; i++) {
        const { row } = rows[i]!;
        let communityId: number | null = null;
        if (row.community) {
          if (!communities.has(row.community))
            communities.set(row.community, (await ensureCommunityByName(tx, ctx, { name: row.community })).id);
          communityId = communities.get(row.community)!;
        }
        const order = { orderId: row.orderId, amount: row.amount, currency: row.currency, items: row.items };
        const at = new Date(row.orderedAt);
        inputs.push({
          index: i * 2,
          input: {
            source: opts.source,
            externalId: `purchase:${row.orderId}`,
            memberId: buyers[i]!,
            communityId,
            channel: 'other',
            kind: 'purchase',
            occurredAt: at,
            properties: { ...order, ...(row.quantity ? { quantity: row.quantity } : {}) },
            order,
          },
        });
        if (row.refundAmount) {
          const refund = { orderId: row.orderId, amount: row.refundAmount, currency: row.currency, items: [] };
          inputs.push({
            index: i * 2 + 1,
            input: {
              source: opts.source,
              externalId: `refund:${row.orderId}`,
              memberId: buyers[i]!,
              communityId,
              channel: 'other',
              kind: 'refund',
              occurredAt: at,
              properties: refund,
              order: refund,
            },
          });
        }
      }
      const results = await ingest.writeBatch(tx, inputs, ctx, false);
      const byRow = new Map<number, RowOutcome['status']>();
      for (const r of results) {
        const i = Math.floor(r.index / 2);
        const s: RowOutcome['status'] =
          r.status === 'created' ? 'created' : r.status === 'duplicate' ? 'duplicate' : 'rejected';
        // A row is new if its purchase (or its refund) is new.
        if (!byRow.has(i) || s === 'created') byRow.set(i, s);
      }
      const rejectedRow = new Map<number, string>();
      for (const r of results) if (r.status === 'rejected') rejectedRow.set(Math.floor(r.index / 2), r.reason);
      return rows.map((r, i) => {
        const reason = rejectedRow.get(i);
        return reason ? { line: r.line, status: 'rejected' as const, reason } : { line: r.line, status: byRow.get(i)! };
      });
    },
  };
}
