/**
 * The scenarios, in run order. S1 reads July before the S2 saves change it; S2a fills August.
 * Later issues append theirs here (S3 annex import, S4 checklist, S5 estimate, S7 pack).
 */
import type { Scenario } from '../context';
import { s1GridLoad } from './s1-grid-load';
import { s1SqlFloor } from './s1-sql-floor';
import { s2Saves } from './s2-saves';
import { s6Concurrent } from './s6-concurrent';
import { s3Import } from './s3-import';
import { s4Checklist } from './s4-checklist';
import { s7Pack } from './s7-pack';

export const SCENARIOS: Scenario[] = [s1GridLoad, s1SqlFloor, s2Saves, s6Concurrent, s3Import, s4Checklist, s7Pack];
