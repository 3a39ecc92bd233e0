import { sql } from 'drizzle-orm';
import type { Database } from '../../db/types.ts';
import { isUuid } from '../../ids/index.ts';
import type { Job } from '../types.ts';
import { JOB_JSON, jobsOf } from './row.ts';

/**
 * One job by id, or undefined (also for a malformed id). Jobs are system rows, read as the
 * connecting role: whoever shows a job to a caller checks that it is theirs (see routes.ts).
 *
 * @example
 * const job = await getJob(db, id);
 * if (job?.status === 'dead') console.error(job.lastError);
 */
export async function getJob(db: Database, id: string): Promise<Job | undefined> {
  if (!isUuid(id)) return undefined;
  return jobsOf(await db.orm.execute(sql`select ${JOB_JSON} from jobs where id = ${id}`))[0];
}
