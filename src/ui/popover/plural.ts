/** "1 recorded position", "12 recorded positions". English only, like the rest of the UI copy. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
