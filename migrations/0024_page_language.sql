-- The page's default language: what a reader sees when neither `?lang=`, the switcher nor
-- their browser's Accept-Language names one Candor speaks, and what subscribers' emails use
-- until they choose their own.
ALTER TABLE page_settings ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
