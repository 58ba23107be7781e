import { Table } from 'antd';

/**
 * antd's Table, the heaviest component the portal draws (about 60 KB compressed with its pagination,
 * filters and virtual list): a chunk of its own that only a wide screen downloads, since a phone shows
 * the same rows as cards (responsive-table.tsx).
 */
export default Table;
