/** Claim kinds as a reader would say them (the popover headline; the list uses the same words). */
import type { ClaimKind } from '../engine/types';

const WORDS: Record<ClaimKind, string> = {
  'efficacy-claim': 'Unproven benefit claim',
  dosing: 'Dosing instructions',
  'safety-claim': 'Safety claim',
  'regulatory-claim': 'Legal / approval claim',
  mention: 'Substance mention',
};

export const claimWords = (kind: ClaimKind) => WORDS[kind] ?? kind;
