import { z } from 'zod';
import { DetectRequest, FillRequest } from '../messages/contract';

/**
 * Messages the content script understands beyond the contract's current schema. TO MOVE into
 * utils/messages/contract.ts (owned elsewhere): the fill options and `ruanzhu:undo`. Until then the
 * content script parses them here; the contract's own FillRequest stays valid (the options are
 * optional).
 */
export const FillRequestWithOptions = FillRequest.extend({
  /** Also fill fields that hold a value the user typed. */
  overwrite: z.boolean().optional(),
  /** Add copyright-owner rows through the page's own 添加 button when the work has more owners. */
  addOwnerRows: z.boolean().optional(),
});

/** Restores the values from before the last fill on the tab's current page. */
export const UndoRequest = z.object({ type: z.literal('ruanzhu:undo') });

export const UndoResponse = z.object({
  results: z.array(z.object({ key: z.string(), status: z.enum(['restored', 'skipped', 'failed']), reason: z.string().optional() })),
});
export type UndoResponse = z.infer<typeof UndoResponse>;

export const PortalRequest = z.discriminatedUnion('type', [DetectRequest, FillRequestWithOptions, UndoRequest]);
export type PortalRequest = z.infer<typeof PortalRequest>;
