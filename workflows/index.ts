/** Every workflow the worker runs. */
export * from './ticket';
// Transfers (Dooray!)
export * from './dooray-transfer';
// Operator console
export * from './delivery-retry';
