/** Facts about the loaded data set, kept in the meta table. */
export type DatasetMeta = {
  /** Snapshot date (YYYY-MM-DD): relative periods ("last quarter") resolve against it. */
  asOf: string
  currency: string
  /** Where the data came from: `sample` or `import:<file>`. */
  source: string
  companyName: string
}
