import { describe, expect, it } from 'vitest';
import { cronScheduleProblem, timeZoneProblem } from './workload-schedule.js';

describe('CronJob schedules (robfig/cron standard syntax, as kube-controller-manager reads them)', () => {
  it.each(['30 2 * * *', '*/15 * * * *', '0 0 1 1 *', '0 9-17 * * MON-FRI', '0 0 ? * sun', '5,35 1-23/2 * jan-jun 0', '@daily', '@hourly', '@every 90m'])(
    'GIVEN "%s" THEN accepted',
    (schedule) => {
      expect(cronScheduleProblem(schedule)).toBeUndefined();
    },
  );

  it.each([
    ['30 2 * *', /has 4 fields/],
    ['30 2 * * * *', /has 6 fields/],
    ['60 2 * * *', /minute "60"/],
    ['0 24 * * *', /hour "24"/],
    ['0 0 0 * *', /day of month "0"/],
    ['0 0 * 13 *', /month "13"/],
    ['0 0 * * 7', /day of week "7"/],
    ['0 0 * * FUNDAY', /day of week "FUNDAY"/],
    ['0 10-2 * * *', /runs backwards/],
    ['*/0 * * * *', /step "0"/],
    ['? * * * *', /minute "\?"/],
    ['CRON_TZ=Europe/Amsterdam 0 2 * * *', /use cronJob.timeZone/],
    ['TZ=UTC 0 2 * * *', /use cronJob.timeZone/],
    ['@fortnightly', /not a macro/],
  ])('GIVEN "%s" THEN refused, saying which field', (schedule, message) => {
    expect(cronScheduleProblem(schedule)).toMatch(message);
  });
});

describe('CronJob time zones', () => {
  it.each(['Europe/Amsterdam', 'Etc/UTC', 'UTC', 'America/New_York'])('GIVEN %s THEN accepted', (zone) => {
    expect(timeZoneProblem(zone)).toBeUndefined();
  });

  it('GIVEN an unknown zone THEN refused', () => {
    expect(timeZoneProblem('Mars/Olympus_Mons')).toMatch(/not an IANA time zone/);
  });

  it('GIVEN the right zone in the wrong case THEN refused with the right spelling (Go reads zone files case-sensitively)', () => {
    expect(timeZoneProblem('europe/amsterdam')).toMatch(/write it as "Europe\/Amsterdam"/);
  });
});
