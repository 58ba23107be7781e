/**
 * Today (and now) in Lanzhou on the API's one clock: libs/domain's Clock, provided and bound at boot
 * by ConfigModule (a test sets it with TEST_CLOCK). Every date in SkillBridge is a local calendar date there.
 */
export { now, today } from '@skillbridge/domain';
