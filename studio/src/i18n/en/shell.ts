/** The studio's frame: sign-in, the top bar, keyboard shortcuts. */
export default {};
