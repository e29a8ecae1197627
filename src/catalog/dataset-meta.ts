/** Facts about the loaded data set, kept in the meta table. */
export type DatasetMeta = {
  /** Snapshot date (YYYY-MM-DD): relative periods ("last quarter") resolve against it. */
  asOf: string
  currency: string
  /** Where the data came from: `sample` or `import:<file>`. */
  source: string
  companyName: string
  /**
   * `snapshot`: one row per customer with a churn flag or status observed over `churnWindow`
   * (e.g. Telco's "left this quarter"); `dated`: signup and churn dates. Absent for older databases.
   */
  dataKind?: 'snapshot' | 'dated'
  /** The span [from, to) over which churn was observed (ISO dates); for a snapshot it ends at asOf. */
  churnWindow?: { from: string; to: string }
}
