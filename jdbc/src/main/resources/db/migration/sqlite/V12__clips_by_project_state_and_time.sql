-- A project's clips in one state, oldest first: the export plan (accepted clips), the review queue
-- (clips awaiting review) and the per-state counts all read this one index in order, with no sort,
-- so the first row of a plan over a million clips comes at once. It replaces the two narrower
-- indexes, which leaves one index fewer to update when clips are erased.
DROP INDEX clips_by_project;
DROP INDEX clips_by_project_state;
CREATE INDEX clips_by_project_state_time ON clips (project_id, state, created_at, id);
