-- The intake's update that the flapping limit kept from subscribers, per group: the clock tells
-- it once the interval has passed, unless something newer has been said since.
ALTER TABLE intake_groups ADD COLUMN held_update_id TEXT;
