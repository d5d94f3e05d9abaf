// `npm run fake-gateway [-- --broker projectx|tradovate]`: starts one broker's fake gateway by hand (ProjectX when
// no broker is named, as before).
const args = process.argv.slice(2);
const flag = args.findIndex((a) => a === '--broker' || a.startsWith('--broker='));
const broker = flag < 0 ? 'projectx' : (args[flag]?.split('=')[1] ?? args[flag + 1] ?? '');

if (broker === 'projectx') await import('./projectx-gateway/main');
else if (broker === 'tradovate') await import('./tradovate-gateway/main');
else {
  process.stderr.write(`unknown broker '${broker}': use --broker projectx or --broker tradovate\n`);
  process.exit(2);
}
export {};
