/** A settings page's list: loaded when the fetch changes, reloaded on demand; a failed load keeps what was shown. */
import { useCallback, useEffect, useState } from 'react';

export function useLoaded<T>(fetch: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    fetch()
      .then((loaded) => {
        setValue(loaded);
        setError(null);
      })
      .catch(setError);
  }, [fetch]);
  useEffect(reload, [reload]);
  return { value, error, setError, reload };
}
