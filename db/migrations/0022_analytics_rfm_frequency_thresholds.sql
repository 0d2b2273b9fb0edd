-- RFM frequency is scored by order-count thresholds instead of rank quintiles: most buyers have one
-- order, so a tie that large left some F scores empty. The thresholds are the least orders for
-- F = 2, 3, 4 and 5 (default: 2, 3, 5, 8 orders), editable per workspace.
alter table analytics_settings add column rfm_frequency_thresholds int[] not null default '{2,3,5,8}';
