// The underlying of a ProjectX contract (docs/RULES.md section 10): the market it trades, shared by its sizes, so
// that MNQ and NQ both read `NQ` and MES and ES both read `ES`. The contract's root comes from its `symbolId`
// ("F.US.MNQ"), else from its id ("CON.F.US.MNQ.M26"); ProjectX's own roots (EP for ES, ENQ for NQ, CLE for CL,
// ...) and the micros are mapped by the table below, and any other root is its own underlying.
import type { PxContract } from './parse';

/** Roots whose underlying is not the root itself: ProjectX's names for the full sizes, the micros and minis. */
const UNDERLYING_OF_ROOT: Readonly<Record<string, string>> = {
  // Equity indices: ProjectX names ES "EP" and NQ "ENQ".
  EP: 'ES',
  MES: 'ES',
  ENQ: 'NQ',
  MNQ: 'NQ',
  MYM: 'YM',
  M2K: 'RTY',
  // Metals: GCE is gold, SIE silver, CPE copper, PLE platinum.
  GCE: 'GC',
  MGC: 'GC',
  SIE: 'SI',
  SIL: 'SI',
  CPE: 'HG',
  MHG: 'HG',
  PLE: 'PL',
  // Energy: CLE is crude, NGE natural gas, NQM/NQG the E-mini crude and gas.
  CLE: 'CL',
  MCL: 'CL',
  MCLE: 'CL',
  NQM: 'CL',
  NGE: 'NG',
  MNG: 'NG',
  NQG: 'NG',
  HOE: 'HO',
  RBE: 'RB',
  // Currencies: ProjectX's roots for 6E, 6B, 6J ... and their micros.
  EU6: '6E',
  M6E: '6E',
  BP6: '6B',
  M6B: '6B',
  JY6: '6J',
  AD6: '6A',
  M6A: '6A',
  CA6: '6C',
  SF6: '6S',
  // Crypto: the micros of bitcoin and ether.
  MBT: 'BTC',
  MET: 'ETH',
};

/** The root of a contract: "MNQ" from symbolId "F.US.MNQ", else from id "CON.F.US.MNQ.M26"; undefined if neither. */
export function contractRoot(contract: Pick<PxContract, 'id' | 'symbolId'>): string | undefined {
  const fromSymbol = contract.symbolId?.split('.').at(-1);
  if (fromSymbol !== undefined && fromSymbol !== '') return fromSymbol;
  const parts = contract.id.split('.');
  return parts.length === 5 && parts[0] === 'CON' && parts[3] !== '' ? parts[3] : undefined;
}

/** The underlying of a root: the table's entry, else the root itself. */
export function underlyingOfRoot(root: string): string {
  return UNDERLYING_OF_ROOT[root.toUpperCase()] ?? root.toUpperCase();
}

/** The contract's underlying, or undefined when its root cannot be read (the engine then uses the contract id). */
export function contractUnderlying(contract: Pick<PxContract, 'id' | 'symbolId'>): string | undefined {
  const root = contractRoot(contract);
  return root === undefined ? undefined : underlyingOfRoot(root);
}
