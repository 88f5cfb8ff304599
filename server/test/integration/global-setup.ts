/** Checks (and if needed starts) the machine's PostgreSQL and Redis before integration tests run. */
import { ensureServices } from '../../../scripts/services.mjs';

export default async function setup(): Promise<void> {
  await ensureServices();
}
