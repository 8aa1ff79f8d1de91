export { CATALOGUE, PROCEDURES, findProcedure } from './procedures.ts';
