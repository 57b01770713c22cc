/** The agent workspace: lists, the ticket table, the ticket view, its actions and the composer. */
export default {};
