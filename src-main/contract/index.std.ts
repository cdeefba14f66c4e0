export * from './errors.std';
export * from './schemas.std';
export * from './methods.std';
export * from './transport.std';
