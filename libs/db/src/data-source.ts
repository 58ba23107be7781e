import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming.strategy';

/** The one description of SkillBridge's database, shared by the API, the worker and the CLI. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
    ...overrides,
  } as DataSourceOptions;
}

export const createDataSource = (url: string, overrides: Partial<DataSourceOptions> = {}): DataSource =>
  new DataSource(dataSourceOptions(url, overrides));
