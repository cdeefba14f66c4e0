export * from './errors.std.ts';
export * from './schemas.std.ts';
export * from './methods.std.ts';
export * from './transport.std.ts';
export * from './orderSchemas.std.ts';
export * from './printSchemas.std.ts';
