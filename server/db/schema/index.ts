export * from './core';
export * from './annex';
export * from './production';
