// The shoe list with each shoe's distance, re-read whenever the log changes.
import { useEffect, useState } from 'react';
import type { ShoeWithDistance } from '../../../../shared/shoes';
import { api } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';

export function useShoes(): { shoes: ShoeWithDistance[]; error: string | undefined } {
  const { revision } = useAppData();
  const [shoes, setShoes] = useState<ShoeWithDistance[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    api.shoes.list().then(
      (list) => {
        if (cancelled) return;
        setShoes(list);
        setError(undefined);
      },
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [revision]);
  return { shoes, error };
}
