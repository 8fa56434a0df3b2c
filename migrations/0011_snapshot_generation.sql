-- The page's generation: one number that every change to what the public snapshot shows bumps,
-- in the same statement as the change (triggers, so no writer can forget it). Each snapshot
-- records the generation it was built from; the clock compares the two and rebuilds a snapshot
-- that fell behind (a failed KV write, a lost rebuild). D1's `meta.changes` counts the trigger's
-- row too: on these tables test `meta.changes > 0`, not `=== 1`.
CREATE TABLE page_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO page_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER page_settings_insert_generation AFTER INSERT ON page_settings
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER page_settings_update_generation AFTER UPDATE ON page_settings
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER page_settings_delete_generation AFTER DELETE ON page_settings
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER components_insert_generation AFTER INSERT ON components
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER components_update_generation AFTER UPDATE ON components
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER components_delete_generation AFTER DELETE ON components
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER component_status_changes_insert_generation AFTER INSERT ON component_status_changes
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER component_status_changes_update_generation AFTER UPDATE ON component_status_changes
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER component_status_changes_delete_generation AFTER DELETE ON component_status_changes
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER areas_insert_generation AFTER INSERT ON areas
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER areas_update_generation AFTER UPDATE ON areas
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER areas_delete_generation AFTER DELETE ON areas
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incidents_insert_generation AFTER INSERT ON incidents
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incidents_update_generation AFTER UPDATE ON incidents
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incidents_delete_generation AFTER DELETE ON incidents
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incident_components_insert_generation AFTER INSERT ON incident_components
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incident_components_update_generation AFTER UPDATE ON incident_components
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incident_components_delete_generation AFTER DELETE ON incident_components
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incident_areas_insert_generation AFTER INSERT ON incident_areas
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incident_areas_update_generation AFTER UPDATE ON incident_areas
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incident_areas_delete_generation AFTER DELETE ON incident_areas
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incident_updates_insert_generation AFTER INSERT ON incident_updates
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incident_updates_update_generation AFTER UPDATE ON incident_updates
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER incident_updates_delete_generation AFTER DELETE ON incident_updates
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER eta_changes_insert_generation AFTER INSERT ON eta_changes
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER eta_changes_update_generation AFTER UPDATE ON eta_changes
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER eta_changes_delete_generation AFTER DELETE ON eta_changes
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER resolution_votes_insert_generation AFTER INSERT ON resolution_votes
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER resolution_votes_update_generation AFTER UPDATE ON resolution_votes
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER resolution_votes_delete_generation AFTER DELETE ON resolution_votes
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER affected_reports_insert_generation AFTER INSERT ON affected_reports
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER affected_reports_update_generation AFTER UPDATE ON affected_reports
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER affected_reports_delete_generation AFTER DELETE ON affected_reports
BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END;
