/**
 * The fault-injection kit (issue 15): real servers and workers killed at random points of a
 * workload (`crashLoop`, `startCrashable`, `startCrashableWorker`), the database cut off
 * (`startDbProxy`), a disk that fills up (`smallDisk`), fresh data on either driver
 * (`faultData`), a seeded random source so a failing run can be replayed (`FAULT_SEED`), and
 * the knowledge base's workload and invariants. Plugins test their imports, crawls and uploads
 * with the same pieces (docs/plugins.md, "Testing under faults").
 */
export { crashLoop, type CrashLoopOptions, type WorkloadLog, workloadFor } from './crash-loop.ts';
export { faultData, type FaultData } from './data.ts';
export { startDbProxy } from './db-proxy.ts';
export { faultSeed, seededRandom } from './random.ts';
export { type CrashableProcess, type CrashableServer, type ServerData, startCrashable, startCrashableWorker } from './server.ts';
export { articleWorkload, cleanKnowledgeReport, knowledgeInvariants, type KnowledgeReport, postArticles } from './knowledge.ts';
export { canMountDisks, type SmallDisk, smallDisk } from './disk.ts';
