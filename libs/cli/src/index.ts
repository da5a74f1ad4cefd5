export { finite, fraction, integer, nonNegative, oneOf, positive } from './options';
export { runCli } from './run';
