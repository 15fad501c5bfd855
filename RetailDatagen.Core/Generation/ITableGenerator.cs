using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Generation;

/// <summary>Produces one table's rows. <see cref="Create"/> is a pure function of the row index.</summary>
public interface ITableGenerator
{
    TableInfo Table { get; }

    long RowCount { get; }

    IRow Create(long index);
}
