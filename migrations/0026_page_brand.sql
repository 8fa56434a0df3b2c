-- The operator's brand on public pages, emails and the widget (all optional: NULL or empty
-- means Candor's own look). Logo and favicon bytes live in the BRAND R2 bucket under a
-- content-addressed key (`logo-<sha256 prefix>.png`), which is also their public file name
-- under /brand/; the row holds the key and, for the logo, its pixel size for the <img>.
ALTER TABLE page_settings ADD COLUMN logo_key TEXT;
ALTER TABLE page_settings ADD COLUMN logo_width INTEGER;
ALTER TABLE page_settings ADD COLUMN logo_height INTEGER;
ALTER TABLE page_settings ADD COLUMN favicon_key TEXT;
-- `#rrggbb`, lower case: links, focus rings and buttons on public pages, the email header bar.
ALTER TABLE page_settings ADD COLUMN accent_color TEXT;
-- "Contact support" in the header and footer of public pages: an http(s) or mailto: URL.
ALTER TABLE page_settings ADD COLUMN support_url TEXT;
-- Up to 5 footer links, a JSON array of {"label", "url"} (http(s) only).
ALTER TABLE page_settings ADD COLUMN footer_links TEXT NOT NULL DEFAULT '[]';
