import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { AppContext } from '../../lib/context.js';
import { loadGazetteer } from '../../lib/gazetteer.js';
import { json, type ApiResult } from '../http.js';

/** GET /api/health: 200 once the tips table answers and the gazetteer is loaded. */
export async function health(_event: unknown, ctx: AppContext): Promise<ApiResult> {
  try {
    loadGazetteer();
    await ctx.doc.send(new DescribeTableCommand({ TableName: ctx.config.tables.tips }));
    return json(200, { ok: true });
  } catch {
    return json(503, { ok: false, error: { code: 'not_ready', message: 'the system cannot accept tips yet' } });
  }
}
