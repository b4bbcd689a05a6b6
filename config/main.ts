import { ConfigError } from './parse-env';

/**
 * Runs a command (`npm start`, `npm run setup`, the API, the worker). A configuration it cannot start
 * with ends it with its message alone and exit code 2: the message says what to change, and a stack
 * trace would only hide it.
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}
