// Well-formed config documents to mutate: the one Warden writes on first start, the one with every rule, and the
// replay fixtures' (groups, plans, news), plus one with a notify section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultConfigYaml } from '../../../shared/config/schema';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

const notifyDocument = {
  accounts: { 'SIM-50K': { startingBalance: 50000, rules: { dailyLoss: { amount: 1000 } } } },
  notify: {
    telegram: { chats: ['777000111'], minLevel: 'warning', commands: true },
    ntfy: { server: 'https://ntfy.example', topic: 'warden-alerts' },
    webhook: { url: 'https://hooks.example/warden' },
  },
};

/** The texts as written (YAML and JSON), for character-level edits. */
export const configTexts: { name: string; text: string }[] = [
  { name: 'config.yaml', text: defaultConfigYaml },
  { name: 'config.yaml', text: read('config/every-rule.yaml') },
  { name: 'config.json', text: read('replay-daily-loss.config.json') },
  { name: 'config.json', text: read('replay-groups.config.json') },
  { name: 'config.json', text: read('replay-plan.config.json') },
  { name: 'config.json', text: read('replay-news.config.json') },
];

/** The same documents parsed, and the notify one. */
export const configDocuments: unknown[] = [
  ...configTexts.map(({ text }) => parse(text) as unknown),
  notifyDocument,
];
