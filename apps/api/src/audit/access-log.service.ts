import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessLogQuery } from './dto/access-log.dto';

/** One read of a person's data, as the platform admin searches them. */
export interface AccessLogEntry {
  id: number;
  actorId: string;
  actorEmail: string;
  actorRole: string;
  subjectId: string;
  subjectName: string | null;
  what: string;
  why: string;
  at: Date;
}

/** Who read whose personal data (the access log), newest first, paged back in time by id. */
@Injectable()
export class AccessLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(query: AccessLogQuery): Promise<{ items: AccessLogEntry[] }> {
    const qb = this.db
      .createQueryBuilder()
      .from('access_log', 'l')
      .innerJoin('users', 'a', 'a.id = l.actor_id')
      .leftJoin('users', 's', 's.id = l.subject_id')
      .select([
        'l.id::int AS id',
        'l.actor_id AS "actorId"',
        'a.email AS "actorEmail"',
        'l.actor_role AS "actorRole"',
        'l.subject_id AS "subjectId"',
      ])
      .addSelect(['s.name AS "subjectName"', 'l.what AS what', 'l.why AS why', 'l.at AS at']);
    if (query.subjectId) qb.andWhere('l.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.actorId) qb.andWhere('l.actor_id = :actorId', { actorId: query.actorId });
    if (query.before) qb.andWhere('l.id < :before', { before: query.before });
    const items = await qb
      .orderBy('l.id', 'DESC')
      .limit(query.limit ?? 100)
      .getRawMany<AccessLogEntry>();
    return { items };
  }
}
