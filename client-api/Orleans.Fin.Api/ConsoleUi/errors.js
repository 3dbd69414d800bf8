// The one place errors are shown: an API refusal appears as its problem title in the alert bar.
import { ApiError } from './api.js';

export function showError(error) {
  const bar = document.getElementById('error');
  if (!error) {
    bar.hidden = true;
    bar.textContent = '';
    return;
  }
  bar.textContent = error instanceof ApiError ? error.title : String(error.message ?? error);
  bar.hidden = false;
}

/** Runs an action from a button: disables it meanwhile, shows a refusal, and reports whether it succeeded. */
export async function act(button, action) {
  showError(null);
  button.disabled = true;
  try {
    await action();
    return true;
  } catch (error) {
    showError(error);
    return false;
  } finally {
    button.disabled = false;
  }
}
