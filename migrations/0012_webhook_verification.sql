-- A webhook subscribed through the public API proves its receiver: once its owner's address
-- confirms it, Candor sends it a signed `webhook.verify` event, and it becomes active only when
-- the receiver answers 2xx. While it waits it stays status 'pending' with verification
-- 'pending' (the API shows "pending_verification"), so nothing else reaches it; 'verified' once
-- answered. NULL: nothing to verify (email subscribers, webhooks created by ops, older ones).
ALTER TABLE subscribers ADD COLUMN verification TEXT CHECK (verification IN ('pending', 'verified'));
