// Contract metadata (tick size and value) from Contract/searchById, fetched once per contract and kept: the
// engine needs an instrument before any fill, position or order on it (docs/brokers/PROJECTX.md section 2.5).
import type { Logger } from '../../platform/logger';
import type { Book } from './book';
import { contractSchema, isObject, parseEntity, shortJson, type PxContract } from './parse';
import type { Session } from './session';

export type ContractLookup = { ok: true; contract: PxContract } | { ok: false; error: string };

export type Contracts = {
  /** The contract, from the cache or the gateway; concurrent asks for one id share a request. */
  get(id: string): Promise<ContractLookup>;
};

export function createContracts(session: Session, book: Book, logger: Logger): Contracts {
  const pending = new Map<string, Promise<ContractLookup>>();

  const fetchContract = async (id: string): Promise<ContractLookup> => {
    const outcome = await session.call('Contract/searchById', { contractId: id });
    if (outcome.kind === 'unauthorized') return { ok: false, error: 'Contract/searchById: not logged in' };
    if (outcome.kind !== 'ok') return { ok: false, error: outcome.error };
    // The current docs answer `contract`; the April-2025 docs showed `contracts: [...]`. Both are accepted.
    const { contract, contracts } = outcome.body;
    const row = isObject(contract)
      ? contract
      : Array.isArray(contracts)
        ? (contracts as unknown[])[0]
        : undefined;
    const parsed = parseEntity(contractSchema, row);
    if (!parsed.ok) {
      logger.error('contract not understood', { id, error: parsed.error, frame: shortJson(outcome.body) });
      return { ok: false, error: `Contract/searchById ${id}: ${parsed.error}` };
    }
    if (parsed.value.id !== id)
      return { ok: false, error: `Contract/searchById ${id} answered contract ${parsed.value.id}` };
    book.contracts.set(id, parsed.value);
    return { ok: true, contract: parsed.value };
  };

  return {
    get(id) {
      const known = book.contracts.get(id);
      if (known !== undefined) return Promise.resolve({ ok: true, contract: known });
      const inFlight = pending.get(id);
      if (inFlight !== undefined) return inFlight;
      const request = fetchContract(id).finally(() => pending.delete(id));
      pending.set(id, request);
      return request;
    },
  };
}
