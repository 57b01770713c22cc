/** Every workflow the worker runs. */
export * from './ticket';
export * from './bulk-job';
