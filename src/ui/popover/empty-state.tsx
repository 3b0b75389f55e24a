interface Props {
  hint: string;
}

export function EmptyState({ hint }: Props) {
  return (
    <div class="or-empty">
      <p class="or-empty-title">No recorded positions yet</p>
      <p class="or-empty-hint">{hint}</p>
    </div>
  );
}
