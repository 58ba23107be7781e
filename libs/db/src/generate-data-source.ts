// Used only by `npm run db:generate`: the TypeORM CLI needs a module exporting one DataSource.
import { createDataSource } from './data-source';

export default createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
