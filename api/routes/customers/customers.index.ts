/** Customers (고객 관리): search, a record with its inquiry history, edits and manual merges. */
import { createRouter } from '../../router';
import * as handlers from './customers.handlers';
import * as routes from './customers.routes';

export const customerRoutes = createRouter()
  .openapi(routes.searchCustomers, handlers.searchCustomers)
  .openapi(routes.getCustomer, handlers.getCustomer)
  .openapi(routes.listCustomerTickets, handlers.listCustomerTicketPage)
  .openapi(routes.updateCustomer, handlers.updateCustomer)
  .openapi(routes.mergeCustomer, handlers.mergeCustomer);
