/** Every workflow the worker runs. */
export * from './ticket';
// Operator console (issue 12)
export * from './delivery-retry';
