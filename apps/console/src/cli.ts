import { Command } from 'commander';
import { runCli } from '@dl-suite/cli';
import { loadConfig } from './config';
import { serve } from './main';
import { ensureUiBuilt } from './ui-build';

const program = new Command('console').description('The suite\'s web console: one page per service, a status page, and a proxy to the services.');

program
  .command('serve')
  .description(
    'Build the web UI if its sources changed and serve it. Environment: PORT (3000), HOST (127.0.0.1), MEDICAL_IMAGING_URL (http://127.0.0.1:3001), SENTIMENT_URL (…:3002), SPEECH_URL (…:3003), FRAUD_URL (…:3004), STATUS_INTERVAL_MS (2000), PROXY_TIMEOUT_MS (120000), XRAY_SAMPLES (../shared/datasets/medmnist/pneumoniamnist.npz), LOG_LEVEL.',
  )
  .action(async () => {
    await serve(loadConfig());
  });

program
  .command('build')
  .description('Build the web UI into dist/web if its sources changed (serve does this by itself).')
  .action(async () => {
    const { built, ms } = await ensureUiBuilt();
    console.log(built ? `built in ${Math.round(ms)} ms` : 'up to date');
  });

await runCli(program);
