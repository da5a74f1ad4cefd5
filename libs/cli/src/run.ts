import type { Command } from 'commander';

/**
 * Parses argv and runs the chosen command. Expected failures (bad flags, unreadable files, invalid
 * data) print one clear line prefixed with the CLI's name instead of a stack trace; DEBUG=1 adds it.
 */
export async function runCli(program: Command, argv: readonly string[] = process.argv): Promise<void> {
  program.showHelpAfterError().configureOutput({ outputError: (message, write) => write(`\n${message}`) });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    console.error(`${program.name()}: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env['DEBUG']) console.error(error);
    process.exitCode = 1;
  }
}
