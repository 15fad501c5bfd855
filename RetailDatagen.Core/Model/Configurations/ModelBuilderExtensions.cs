using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RetailDatagen.Core.Model.Configurations;

internal static class ModelBuilderExtensions
{
    /// <summary>Maps the entity to the contract's table with its columns in the contract's order.</summary>
    public static void ToContractTable<T>(this EntityTypeBuilder<T> builder, TableInfo table)
        where T : class
    {
        builder.ToTable(table.Name);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            builder.Property(table.Columns[i]).HasColumnName(table.Columns[i]).HasColumnOrder(i);
        }
    }
}
