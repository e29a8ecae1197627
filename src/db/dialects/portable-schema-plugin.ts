import {
  ColumnDefinitionNode, DataTypeNode, OperationNodeTransformer,
  type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow,
} from 'kysely'

// SQLite column types as PostgreSQL needs them: SQLite's `real` is 8 bytes, PostgreSQL's 4.
class PostgresColumns extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const t = super.transformColumnDefinition(node)
    const type = DataTypeNode.is(t.dataType) ? t.dataType.dataType : undefined
    // `integer primary key autoincrement` is SQLite's; PostgreSQL spells it serial.
    if (t.autoIncrement) return { ...t, autoIncrement: undefined, dataType: DataTypeNode.create('serial') }
    if (type === 'real') return { ...t, dataType: DataTypeNode.create('double precision') }
    return t
  }
}

/**
 * Lets the migrations, written once in SQLite's column types, create the same schema on
 * PostgreSQL: real → double precision, integer autoincrement → serial. Queries pass unchanged.
 */
export class PortableSchemaPlugin implements KyselyPlugin {
  readonly #columns = new PostgresColumns()
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node.kind === 'CreateTableNode' ? this.#columns.transformNode(args.node) : args.node
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}
