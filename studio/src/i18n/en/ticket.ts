/** The ticket vocabulary other than statuses: priorities, channels, roles, message kinds, resolve reasons. */
export default {
  priority: {
    urgent: 'Urgent',
    high: 'High',
    normal: 'Normal',
    low: 'Low',
  },
  channel: {
    created: 'Created',
    api: 'API',
    email: 'Email',
    help_center_pc: 'Help centre (PC)',
    help_center_mobile: 'Help centre (mobile)',
    phone: 'Phone',
    chat: 'Chat',
    twitter: 'Twitter',
    kakao: 'Kakao',
    issue_transfer: 'Issue transfer',
  },
  role: {
    org_admin: 'Org admin',
    admin: 'Admin',
    agent: 'Agent',
  },
  messageKind: {
    reply: 'Reply',
    interim: 'Interim answer',
    comment: 'Comment',
    internal_note: 'Internal note',
  },
  resolveReason: {
    spam: 'Spam',
    abuse: 'Abuse',
    test: 'Test',
    phone: 'Solved by phone',
    other: 'Other',
  },
  language: {
    ko: 'Korean',
    en: 'English',
  },
};
