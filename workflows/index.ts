/** Every workflow the worker runs. */
export * from './ticket';
