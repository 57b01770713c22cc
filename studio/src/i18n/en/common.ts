/** Words every screen shares: actions, loading and empty states, times, the language switch. */
export default {
  action: {
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    retry: 'Try again',
    dismiss: 'Dismiss',
    confirm: 'Confirm',
  },
  loading: 'Loading…',
  none: 'None',
  language: {
    label: 'Language',
    en: 'EN',
    ko: '한',
  },
  time: {
    justNow: 'just now',
  },
};
