import type { Entity, EntityType } from '../core/corpus/schema.ts';

/** An entity as the popup and the options page list it, with the aliases the user added. */
export interface EntitySummary {
  id: string;
  label: string;
  type: EntityType;
  aliases: Entity['aliases'];
  /** Aliases from the user layer (also present in `aliases`). */
  userAliases: string[];
}
