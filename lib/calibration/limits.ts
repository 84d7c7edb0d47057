/** The most canvases one example holds, examples per assignment, and a title's length. */
export const EXAMPLE_CANVASES_MAX = 8;
export const EXAMPLES_MAX = 20;
export const EXAMPLE_TITLE_MAX = 200;
