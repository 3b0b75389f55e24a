/**
 * pageCss('underline') (page-css.ts) written out, so that the `document_start` script adopts its sheet without
 * running the functions that build it (on these machines each function a script runs for the first time costs
 * about 0.15 ms to compile, ADR 018). page-css.test.ts fails when it no longer matches: paste what it prints.
 */
export const DEFAULT_PAGE_CSS =
  "::highlight(onrecord-person) { text-decoration: underline solid #e0a100 2px; text-underline-offset: 3px; }\n::highlight(onrecord-organization) { text-decoration: underline solid #2f8fdd 2px; text-underline-offset: 3px; }\n::highlight(onrecord-collective) { text-decoration: underline solid #9b6ad6 2px; text-underline-offset: 3px; }\n::highlight(onrecord-place) { text-decoration: underline solid #2aa876 2px; text-underline-offset: 3px; }\n::highlight(onrecord-event) { text-decoration: underline solid #e0603a 2px; text-underline-offset: 3px; }\n::highlight(onrecord-topic) { text-decoration: underline dotted #8c8c8c 2px; text-underline-offset: 3px; }\n::highlight(onrecord-quiet) { text-decoration: underline dotted rgba(128, 128, 128, 0.55) 1px; text-underline-offset: 3px; }\n::highlight(onrecord-current) { background-color: rgba(255, 193, 7, 0.35); text-decoration: underline solid #b07d00 2px; }\n";
