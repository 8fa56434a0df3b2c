-- Statuspage page settings Candor has no use for (domain, CSS colours, branding…), kept as one
-- JSON object so that a Manage API v1 client reads back what it wrote.
ALTER TABLE page_settings ADD COLUMN statuspage_fields TEXT NOT NULL DEFAULT '{}';
