/** The daily purge's runner, mounted by the shell once Today's first frame is up. */
export { RetentionRunner } from './RetentionRunner.tsx';
