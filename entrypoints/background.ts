import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { classifySender, handleBackgroundMessage } from '@/utils/messages/background-handler';
import { getDb } from '@/utils/storage/db';

export default defineBackground(() => {
  const origin = browser.runtime.getURL('/');
  // Returning undefined lets other listeners answer; a Promise is the response.
  browser.runtime.onMessage.addListener((message, sender) => {
    const kind = classifySender(sender, browser.runtime.id, origin);
    if (!kind) return undefined;
    return handleBackgroundMessage(getDb(), message, kind);
  });
});
