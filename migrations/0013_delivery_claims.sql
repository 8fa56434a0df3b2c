-- Exactly-once sending over a slow relay, transactional mail through the queue, and dead letters
-- that ops can see.

-- Which consumer run holds a delivery's claim: it alone records a failure for it, and extends the
-- claim (claimed_at) while it is still at work, so another run never takes it over mid-send.
ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;

-- Transactional mail (subscription confirmations; later sign-in and invitation links): written in
-- the same batch as whatever the mail is about, then sent by the DELIVERIES consumer with
-- retries. `params` holds what the template needs (it may hold a one-time link) and is cleared
-- once the mail is sent or given up. The id is the Message-ID's left part.
CREATE TABLE transactional_mail (
  id TEXT PRIMARY KEY,
  template TEXT NOT NULL,
  recipient TEXT NOT NULL,
  params TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  claimed_at TEXT,
  claimed_by TEXT,
  sent_at TEXT,
  -- not worth sending after this (its link has expired)
  expires_at TEXT NOT NULL
);
CREATE INDEX transactional_mail_by_status ON transactional_mail (status, updated_at);

-- Messages that reached a dead-letter queue, one row per (queue, subject): the outbox event,
-- ops-alert send, delivery or mail they name. A subject that dies again counts up.
CREATE TABLE dead_letters (
  queue TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  body TEXT NOT NULL,
  error TEXT,
  times INTEGER NOT NULL DEFAULT 1,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  PRIMARY KEY (queue, subject_id)
);
CREATE INDEX dead_letters_by_time ON dead_letters (last_at);
