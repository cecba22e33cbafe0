// `npm run simulate -- <config.json> [--world <world.json>] [--applies N] [--destroy] [--world-out <file>]`:
// plays the config's stacks into an offline Azure world and prints each apply and what the accounts' names
// resolve to from each VNet. Exits 1 when an apply fails or a later apply is not a no-op, 2 on bad arguments.
// What the world models, and the source of each rule: docs/azure-world.md.
import { parseArgs } from 'util';
import { ConfigError } from '../app/load-config';
import { simulate } from '../world/simulate/simulate';

const USAGE = 'usage: npm run simulate -- <config.json> [--world <world.json>] [--applies N] [--destroy] [--world-out <file>]';

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { world: { type: 'string' }, applies: { type: 'string', default: '1' }, destroy: { type: 'boolean', default: false }, 'world-out': { type: 'string' } },
  });
  const applies = Number(values.applies);
  if (positionals.length !== 1 || !Number.isInteger(applies) || applies < 1) throw new TypeError(USAGE);
  return { config: positionals[0], world: values.world, applies, destroy: values.destroy ?? false, worldOut: values['world-out'] };
}

try {
  const result = simulate({ ...options(), azurermVersion: process.env.AZURE_WORLD_AZURERM_VERSION });
  console.log(result.lines.join('\n'));
  process.exit(result.ok ? 0 : 1);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  if (error instanceof TypeError && error.message === USAGE) {
    console.error(error.message);
    process.exit(2);
  }
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  throw error;
}
