/** Facts about the loaded data set, kept in the meta table. */
export type DatasetMeta = {
  /** Snapshot date (YYYY-MM-DD): relative periods ("last quarter") resolve against it. */
  asOf: string
  currency: string
  /** Where the data came from: `sample` or `import:<file>`. */
  source: string
  companyName: string
  /** `snapshot`: one row per customer with a churn flag; `dated`: subscriptions with dates. Unset on older databases. */
  dataKind?: 'snapshot' | 'dated'
  /** A snapshot file's churn window [from, to), as its mapping declares it. */
  churnWindow?: { from: string; to: string }
}
