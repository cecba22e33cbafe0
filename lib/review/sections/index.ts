import { ReviewSectionBuilder } from '../review-section';
import { accessSection } from './access';
import { accountsSection } from './accounts';
import { connectionRulesSection } from './connection-rules';
import { endpointsSection } from './endpoints';
import { importsSection } from './imports';
import { optInsSection } from './opt-ins';
import { poolsSection } from './pools';

/**
 * The sections of a stack's review, in order: one per concern. A new concern is a new file beside these that
 * exports a `ReviewSectionBuilder`, and one line here; a new opt-in is a detector in `opt-ins.ts`.
 */
export const REVIEW_SECTIONS: readonly ReviewSectionBuilder[] = [
  accountsSection,
  endpointsSection,
  poolsSection,
  connectionRulesSection,
  accessSection,
  importsSection,
  optInsSection,
];
