import { useCallback, useRef, useState } from 'react';
import { describeError, type ErrorView } from '../api/errors';

export const CHECK_FIELDS = 'Thông tin chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.';

/**
 * A form's sending: the problems found in the browser are shown by field and nothing is sent;
 * otherwise `send` runs once at a time, and a refusal is shown by field too (server-side errors
 * highlight their field like the browser's own checks).
 */
export function useSubmission() {
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const busy = useRef(false);

  /** @returns true when `send` succeeded. */
  const submit = useCallback(async (problems: Record<string, string>, send: () => Promise<unknown>, onError?: (view: ErrorView) => void): Promise<boolean> => {
    if (busy.current) return false;
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFailure(CHECK_FIELDS);
      return false;
    }
    busy.current = true;
    setPending(true);
    setFailure(null);
    try {
      await send();
      return true;
    } catch (error) {
      const view = describeError(error);
      setFailure(view.message);
      setErrors(view.fields);
      onError?.(view);
      return false;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);

  return { errors, failure, pending, submit };
}
