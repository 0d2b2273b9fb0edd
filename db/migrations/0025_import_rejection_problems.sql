-- A refused import line keeps, beside its English reason, the reasons as codes with their column,
-- value and parameters (web/shared/problems.ts), so the console words them in the operator's
-- language. Null for lines refused before codes existed, or for reasons that have none.
alter table import_rejections add column problems jsonb;
