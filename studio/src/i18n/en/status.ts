/** Ticket statuses, keyed by the API's own status enum. */
export default {
  unassigned: 'Unassigned',
  in_progress: 'In progress',
  on_hold: 'On hold',
  issue_transferred: 'Issue transferred',
  issue_answered: 'Issue answered',
  dooray_transferred: 'Sent to Dooray',
  dooray_in_progress: 'Dooray working',
  dooray_answered: 'Dooray answered',
  resolved: 'Resolved',
  closed: 'Closed',
  spam: 'Spam',
};
