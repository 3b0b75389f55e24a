// Service worker entry (filled in by the data layer).
export {};
