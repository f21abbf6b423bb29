// A second Concord process for the data folder tests: opens the embedded database in argv[2] and holds it until killed.
import { openPglite } from '../../src/db/client.js';
import { DataDirError } from '../../src/db/data-dir.js';

try {
  await openPglite(process.argv[2]!);
  process.stdout.write('open\n');
  setInterval(() => {}, 60_000);
} catch (error) {
  process.stdout.write(`refused: ${error instanceof DataDirError ? error.message : String(error)}\n`);
  process.exit(3);
}
