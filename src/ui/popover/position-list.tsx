import type { PositionView } from '../../core/record/types.ts';
import { PositionItem } from './position-item.tsx';
import type { PositionActions } from './props.ts';

interface Props {
  positions: PositionView[];
  actions: PositionActions;
  showActor?: boolean;
  label: string;
}

export function PositionList({ positions, actions, showActor = false, label }: Props) {
  return (
    <ol class="or-positions" aria-label={label}>
      {positions.map((p) => (
        <PositionItem key={p.id} position={p} actions={actions} showActor={showActor} />
      ))}
    </ol>
  );
}
