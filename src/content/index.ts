// Content script entry (filled in by the reading experience).
export {};
