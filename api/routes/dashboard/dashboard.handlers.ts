import { dashboardCounts } from '../../../store/dashboard';
import { callbacksDue } from '../../../store/callbacks';
import { TICKET_LISTS } from '../../../domain/ticket';
import { requireTicketListAccess } from '../../access';
import type { AppRouteHandler } from '../../context';
import type * as routes from './dashboard.routes';

export const dashboard: AppRouteHandler<typeof routes.dashboard> = async (c) => {
  const { sql } = c.get('deps');
  const query = c.req.valid('query');
  await requireTicketListAccess(sql, c.get('agent'), query.serviceId);
  const row = await dashboardCounts(sql, c.get('agent'), query);
  return c.json(
    {
      lists: Object.fromEntries(TICKET_LISTS.map((list) => [list, row[list]])) as Record<(typeof TICKET_LISTS)[number], number>,
      all: {
        receivedToday: row.received_today,
        resolvedToday: row.resolved_today,
        inProgress: row.in_progress,
        onHold: row.on_hold,
        unassigned: row.unassigned,
        processingRate: row.processing_rate,
      },
      mine: {
        resolvedToday: row.mine_resolved_today,
        inProgress: row.mine_in_progress,
        onHold: row.mine_on_hold,
        transferring: row.mine_transferring,
        callbacksDue: await callbacksDue(sql, c.get('agent').id),
        guidanceRequests: row.mine_guidance_requests,
      },
    },
    200,
  );
};
