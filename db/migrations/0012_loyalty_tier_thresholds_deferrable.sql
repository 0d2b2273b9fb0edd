-- Loyalty: thresholds applied from the preview all at once may trade places between tiers (silver
-- 250 and gold 200). Each tier still starts at its own growth value, but the check waits for the
-- end of the transaction that moves them, rather than refusing the half-way state.
drop index loyalty_tiers_threshold_uq;
alter table loyalty_tiers add constraint loyalty_tiers_threshold_uq unique (threshold) deferrable initially immediate;
