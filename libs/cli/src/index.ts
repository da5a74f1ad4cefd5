export { fraction, integer, oneOf, positive } from './options';
export { runCli } from './run';
