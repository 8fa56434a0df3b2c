-- A subscriber's own time zone (an IANA name) and language (en, de, fr, es, ar) for what Candor
-- writes to it: its emails' words and every time in them. NULL: the page's (page_settings
-- time_zone and language), so a page that changes its default changes theirs too.
ALTER TABLE subscribers ADD COLUMN time_zone TEXT;
ALTER TABLE subscribers ADD COLUMN language TEXT;
