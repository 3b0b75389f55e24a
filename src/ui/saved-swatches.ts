/** The colours a saved highlight can take, as the editor and the library show them. */
import type { HighlightColor } from '../core/annotations/model.ts';

/** The editor's colour swatches: the hues of the page's saved highlights (`SAVED_BACKGROUNDS` in src/content/private-marks.ts), opaque. */
export const SAVED_SWATCHES: Readonly<Record<HighlightColor, string>> = {
  yellow: '#f5c400',
  green: '#2fa84f',
  blue: '#2f7fe0',
  pink: '#e0448f',
  purple: '#8a55e6',
};
