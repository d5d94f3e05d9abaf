// Runs one contract command from a component and keeps what the trader needs to see of it: pending, last error.
import { useCallback, useState } from 'react';
import type { CommandArgs, CommandName, CommandResponse } from '../../../shared/ipc';
import { useApi } from '../state';

export type CommandState = { pending: boolean; error: string | null };

export function useCommand<N extends CommandName>(
  name: N,
): [run: (args: CommandArgs<N>) => Promise<CommandResponse<N>>, state: CommandState, clearError: () => void] {
  const api = useApi();
  const [state, setState] = useState<CommandState>({ pending: false, error: null });
  const run = useCallback(
    async (args: CommandArgs<N>): Promise<CommandResponse<N>> => {
      setState({ pending: true, error: null });
      let response: CommandResponse<N>;
      try {
        const send = api[name] as (a: CommandArgs<N>) => Promise<CommandResponse<N>>;
        response = await send(args);
      } catch (error) {
        response = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      setState({ pending: false, error: response.ok ? null : response.error });
      return response;
    },
    [api, name],
  );
  const clearError = useCallback(() => {
    setState((current) => ({ ...current, error: null }));
  }, []);
  return [run, state, clearError];
}
