/** The part of unzipper (the ZIP reader exceljs itself uses, pinned to exceljs's version) that the import reads a workbook with. */
declare module 'unzipper' {
  import type { Readable } from 'stream';

  /** One entry of the ZIP's central directory: its sizes as the directory states them. */
  export interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    compressedSize: number;
    uncompressedSize: number;
    /** The entry's bytes, inflated as they are read. */
    stream(password?: string): Readable;
  }

  export interface CentralDirectory {
    files: CentralDirectoryFile[];
  }

  export const Open: { buffer(data: Buffer): Promise<CentralDirectory> };
}
