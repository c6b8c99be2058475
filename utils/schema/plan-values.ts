import { z } from 'zod';
import { Owner } from './owner';
import { Work } from './work';

/** What a content script receives for one fill or check: the owner, the work and its co-owners, cut to the page's scope. */
export const PlanValues = z.object({ owner: Owner.nullable(), work: Work.nullable(), coOwners: z.array(Owner) });
export type PlanValues = z.infer<typeof PlanValues>;
