import type { MigrationInterface } from 'typeorm';
// Every migration, in order. New ones are generated (`npm run db:generate -- Name`), reviewed and listed here.
import { Foundation1795938250982 } from './1795938250982-Foundation';
import { Marketplace1795939304131 } from './1795939304131-Marketplace';
import { Notifications1795939922110 } from './1795939922110-Notifications';
import { TeacherPractice1795941826108 } from './1795941826108-TeacherPractice';
import { QuotaYears1795942572490 } from './1795942572490-QuotaYears';
import { AccessLog1795943304081 } from './1795943304081-AccessLog';
import { AdminsByOrganisation1795946000000 } from './1795946000000-AdminsByOrganisation';
import { Imports1796100000000 } from './1796100000000-Imports';
import { MatchRounds1796200000000 } from './1796200000000-MatchRounds';
import { OutboxTraceparent1796300000000 } from './1796300000000-OutboxTraceparent';
import { OrganisationsByName1796400000000 } from './1796400000000-OrganisationsByName';
import { QuotaTable1796500000000 } from './1796500000000-QuotaTable';
import { BulkWrites1796600000000 } from './1796600000000-BulkWrites';
import { ImportYear1796700000000 } from './1796700000000-ImportYear';
import { VerifiedFigures1796900000000 } from './1796900000000-VerifiedFigures';
import { PostStaff1796900000001 } from './1796900000001-PostStaff';
import { PasswordResets1796914000000 } from './1796914000000-PasswordResets';
import { ImportFailureReason1796930000000 } from './1796930000000-ImportFailureReason';
import { EnterpriseRegistrations1796970000000 } from './1796970000000-EnterpriseRegistrations';
import { EntitiesMatchSchema1797000000000 } from './1797000000000-EntitiesMatchSchema';
import { Majors1798100000000 } from './1798100000000-Majors';
import { InboxFacts1798200000000 } from './1798200000000-InboxFacts';
import { ApplicantProfiles1798300000000 } from './1798300000000-ApplicantProfiles';
import { RuleChanges1798400000000 } from './1798400000000-RuleChanges';
import { Agreements1798500000000 } from './1798500000000-Agreements';

export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Foundation1795938250982,
  Marketplace1795939304131,
  Notifications1795939922110,
  TeacherPractice1795941826108,
  QuotaYears1795942572490,
  AccessLog1795943304081,
  AdminsByOrganisation1795946000000,
  Imports1796100000000,
  MatchRounds1796200000000,
  OutboxTraceparent1796300000000,
  OrganisationsByName1796400000000,
  QuotaTable1796500000000,
  BulkWrites1796600000000,
  ImportYear1796700000000,
  VerifiedFigures1796900000000,
  PostStaff1796900000001,
  PasswordResets1796914000000,
  ImportFailureReason1796930000000,
  EnterpriseRegistrations1796970000000,
  EntitiesMatchSchema1797000000000,
  Majors1798100000000,
  InboxFacts1798200000000,
  ApplicantProfiles1798300000000,
  RuleChanges1798400000000,
  Agreements1798500000000,
];
