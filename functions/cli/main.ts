/**
 * `npm run -s cli -- <command> ...`: the command-line entry (docs/contract.md).
 * Each command lives in its own module and returns an exit code.
 */
const COMMANDS: Record<string, () => Promise<{ main: (args: string[]) => Promise<number> }>> = {
  geocode: () => import('./geocode.js'),
  cluster: () => import('./cluster.js'),
};

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: npm run -s cli -- <${Object.keys(COMMANDS).join('|')}> [args]\n`);
    return 2;
  }
  return (await load()).main(args);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  },
);
