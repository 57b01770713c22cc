/** Every workflow the worker runs. */
export * from './ticket';

// Callback requests (콜백).
export * from './callback';
// Transfers (Dooray!)
export * from './dooray-transfer';
// Operator console
export * from './delivery-retry';
// PII masking (개인정보 마스킹) of closed tickets
export * from './closed-ticket-mask';
// Bulk work (일괄 처리)
export * from './bulk-job';
// Exports (엑셀 다운로드)
export * from './export-job';
