export {
  SimulationOptionsSchema,
  handbookPreset,
  resolveSimulationOptions,
  type ResolvedSimulationOptions,
  type SimulationOptions,
} from './options';
export { FRAUD_SCENARIOS, type FraudScenario, type FraudSchedule } from './scenarios';
export { createSimulation, simulateTransactions, type SimulatedTransaction, type Simulation } from './simulate';
export { simulateToCsv, type SimulationProgress, type SimulationSummary } from './to-csv';
export { GRID_SIZE, MERCHANT_CATEGORIES, type Customers, type Terminals } from './profiles';
