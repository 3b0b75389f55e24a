/** A labelled file input for a JSON file; the input is cleared after each pick, so the same file can be picked again. */
export function JsonFileField({ label, testId, onFile }: { label: string; testId: string; onFile: (file: File) => void }) {
  return (
    <label class="row">
      {label}{' '}
      <input
        type="file"
        accept="application/json,.json"
        data-testid={testId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
