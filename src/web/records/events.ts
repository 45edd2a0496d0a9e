/** Signing in or out changes what other parts of the page offer (the host form's teams): they listen for this event. */
export const ME_CHANGED = 'firedrill:me-changed';
