/** The rule studio's words: triggers, conditions, results, versions, simulation. */
export default {};
