-- Launch plans as the timeline editor and the review copies need them. Every phase, task
-- and milestone gets an id local to its plan (unique across the three kinds), which
-- dependencies, undo commands and JSON files use, so it must survive every save. Items keep a
-- baseline (the dates agreed earlier) and a place in the plan's display order; milestones
-- gain what phases and tasks already had.
ALTER TABLE launch_phases ADD COLUMN item_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE launch_phases ADD COLUMN description TEXT;
ALTER TABLE launch_phases ADD COLUMN critical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE launch_phases ADD COLUMN done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE launch_phases ADD COLUMN baseline_start TEXT;
ALTER TABLE launch_phases ADD COLUMN baseline_end TEXT;

ALTER TABLE launch_milestones ADD COLUMN item_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE launch_milestones ADD COLUMN description TEXT;
ALTER TABLE launch_milestones ADD COLUMN owner TEXT;
ALTER TABLE launch_milestones ADD COLUMN progress REAL NOT NULL DEFAULT 0;
ALTER TABLE launch_milestones ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE launch_milestones ADD COLUMN baseline_start TEXT;
ALTER TABLE launch_milestones ADD COLUMN baseline_end TEXT;

ALTER TABLE launch_dependencies ADD COLUMN dependency_id INTEGER NOT NULL DEFAULT 0;

-- Existing plans: phases and tasks first in their order, then milestones by date.
UPDATE launch_phases SET item_id = (
    SELECT count(*) FROM launch_phases other
    WHERE other.plan_id = launch_phases.plan_id
      AND (other.position < launch_phases.position
           OR (other.position = launch_phases.position AND other.id <= launch_phases.id)));

UPDATE launch_milestones SET item_id = (
    SELECT count(*) FROM launch_phases phase WHERE phase.plan_id = launch_milestones.plan_id)
    + (SELECT count(*) FROM launch_milestones other
       WHERE other.plan_id = launch_milestones.plan_id
         AND (other.due_date < launch_milestones.due_date
              OR (other.due_date = launch_milestones.due_date
                  AND other.id <= launch_milestones.id)));

UPDATE launch_milestones SET position = (
    SELECT coalesce(max(phase.position), -1) FROM launch_phases phase
    WHERE phase.plan_id = launch_milestones.plan_id)
    + item_id - (SELECT count(*) FROM launch_phases phase
                 WHERE phase.plan_id = launch_milestones.plan_id);

UPDATE launch_dependencies SET dependency_id = (
    SELECT count(*) FROM launch_dependencies other
    WHERE other.plan_id = launch_dependencies.plan_id AND other.id <= launch_dependencies.id);

CREATE UNIQUE INDEX launch_phases_item ON launch_phases(plan_id, item_id);
CREATE UNIQUE INDEX launch_milestones_item ON launch_milestones(plan_id, item_id);

-- Timeline templates people edit and keep in the workspace, as the JSON of PlanTemplate.
-- A template named like the built-in standard one replaces it for new plans.
CREATE TABLE launch_templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
