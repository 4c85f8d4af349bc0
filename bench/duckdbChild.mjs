// `npm run bench`: DuckDB as a whole process, like Saldo's CLI is timed: start Node, load DuckDB,
// run the SQL given as the first argument (a COPY … TO a JSON file).
import process from 'node:process';
import { URL } from 'node:url';

const { DuckDBInstance } = await import(new URL('../node_modules/@duckdb/node-api/lib/index.js', import.meta.url).href);
const connection = await (await DuckDBInstance.create(':memory:')).connect();
await connection.runAndReadAll(process.argv[2]);
