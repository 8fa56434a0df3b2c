-- Postmortems: one per incident, written in markdown. The draft is what editors work on; the
-- published body is what readers see, copied from the draft when it is published (so a draft
-- can be reworked while the published text stays). Reverting takes it off the page again.
CREATE TABLE postmortems (
  incident_id TEXT PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('draft', 'published')),
  body_draft TEXT NOT NULL,
  body_draft_updated_at TEXT NOT NULL,
  -- The published text; null until first published.
  body TEXT,
  body_updated_at TEXT,
  published_at TEXT,
  -- Whether subscribers were told when it was last published.
  notify_subscribers INTEGER NOT NULL DEFAULT 0,
  -- The incident's status before publishing set it to `postmortem`; restored on revert.
  status_before TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CHECK (state = 'draft' OR (published_at IS NOT NULL AND body IS NOT NULL))
);

CREATE TRIGGER postmortems_insert_generation AFTER INSERT ON postmortems
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER postmortems_update_generation AFTER UPDATE ON postmortems
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER postmortems_delete_generation AFTER DELETE ON postmortems
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;
