-- Team roles (issue 17): the unused STAFF becomes COLLECTOR; VIEWER is new.
ALTER TYPE "UserRole" RENAME VALUE 'STAFF' TO 'COLLECTOR';
ALTER TYPE "UserRole" ADD VALUE 'VIEWER';
