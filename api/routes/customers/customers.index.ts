/** Customers (고객) and their inquiry history. */
import { createRouter } from '../../router';
import * as handlers from './customers.handlers';
import * as routes from './customers.routes';

export const customerRoutes = createRouter().openapi(routes.getCustomer, handlers.getCustomer);
