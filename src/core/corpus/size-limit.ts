/**
 * Files above this are refused before reading or parsing. A hand-curated
 * corpus is measured in hundreds of kilobytes, but records grown by statement
 * extraction are far larger: the benchmarks' record of 50,000 entities and
 * 100,000 positions with inline texts (bench/lib/synthetic-record.ts) is 62 MB.
 * 64 MiB admits it and is also Chromium's limit for one extension message.
 * (A module of its own, so that a reader can check it without loading the validator.)
 */
export const MAX_CORPUS_BYTES = 64 * 1024 * 1024;
