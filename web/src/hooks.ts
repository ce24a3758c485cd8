import { useEffect, useState } from 'preact/hooks';
import { apiKey } from './api';

/** The API key in use, re-rendering when it changes. */
export function useApiKey(): string | null {
  const [key, setKey] = useState(apiKey());
  useEffect(() => {
    const onKey = () => setKey(apiKey());
    window.addEventListener('registry-key', onKey);
    return () => window.removeEventListener('registry-key', onKey);
  }, []);
  return key;
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** Runs `load` whenever `deps` change, dropping answers that arrive after a newer request. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: Error) => current && setState({ data: null, error: error.message, loading: false }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return state;
}
