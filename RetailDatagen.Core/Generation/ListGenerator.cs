using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Generation;

/// <summary>Serves a small table whose rows the <see cref="MasterPlan"/> already holds as a key pool.</summary>
internal sealed class ListGenerator<T>(TableInfo table, Func<IReadOnlyList<T>> rows) : ITableGenerator
    where T : IRow
{
    public TableInfo Table => table;

    public long RowCount => rows().Count;

    public IRow Create(long index) => rows()[(int)index];
}
