/** The desk's ticket queue ("Không chờ"): numbers, call order, transitions, estimates and statistics. */
export * from './ticket.ts';
export * from './numbering.ts';
export * from './ordering.ts';
export * from './transitions.ts';
export * from './estimate.ts';
export * from './stats.ts';
