using System.Reflection;
using Microsoft.EntityFrameworkCore;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Tests.Core;

/// <summary>
/// Each table's column list is declared once, in <see cref="Tables"/>; the row type, its <c>WriteTo</c> order and
/// the EF Core model must agree with it, so a swapped or forgotten field fails here instead of shipping.
/// </summary>
public sealed class TableContractTests
{
    public static TheoryData<string> TableNames => [.. Tables.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TableNames))]
    public void RowType_DeclaresTheColumnsInContractOrder(string name)
    {
        var table = Tables.FindByName(name)!;

        Assert.Equal(table.Columns, ColumnProperties(table.RowType).Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void WriteTo_WritesEachPropertyInItsOwnColumn(string name)
    {
        var table = Tables.FindByName(name)!;
        var properties = ColumnProperties(table.RowType);
        var row = (IRow)Activator.CreateInstance(table.RowType)!;
        var expected = new object[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            // A value no other column of the row has, so a swapped pair of fields cannot pass.
            expected[i] = DistinctValue(properties[i], i);
            properties[i].SetValue(row, expected[i]);
        }

        var written = new RecordingWriter();
        row.WriteTo(written);

        Assert.Equal(table.Columns.Count, written.Values.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Equals(Normalize(expected[i]), written.Values[i]),
                $"{table.Name}: column {i + 1} ({table.Columns[i]}) was written '{written.Values[i]}', its property "
                    + $"holds '{expected[i]}'."
            );
        }
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void EfModel_MapsTheRowTypeToTheContractTableAndColumns(string name)
    {
        var table = Tables.FindByName(name)!;
        using var context = new RetailDbContext(
            new DbContextOptionsBuilder<RetailDbContext>().UseSqlite("Data Source=:memory:").Options
        );
        var entity = context.Model.FindEntityType(table.RowType)!;

        Assert.Equal(table.Name, entity.GetTableName());
        Assert.Equal(
            table.Columns.Order(StringComparer.Ordinal),
            entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal)
        );
        Assert.Equal(table.KeyColumns, entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()));
    }

    // Declaration order: the metadata token grows with each member declared in the source file.
    private static List<PropertyInfo> ColumnProperties(Type rowType) =>
        [
            .. rowType
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.CanWrite)
                .OrderBy(p => p.MetadataToken),
        ];

    private static object DistinctValue(PropertyInfo property, int column)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(int) => 1_000 + column,
            _ when underlying == typeof(long) => 1_000L + column,
            _ when underlying == typeof(double) => 1_000.25 + column,
            _ when underlying == typeof(string) => $"the {property.Name}",
            _ when underlying == typeof(bool) => column % 2 == 1,
            _ when underlying == typeof(DateOnly) => new DateOnly(2024, 1, 1).AddDays(column),
            _ when underlying == typeof(DateTime) => new DateTime(
                2024,
                1,
                1,
                0,
                0,
                0,
                DateTimeKind.Unspecified
            ).AddHours(column),
            _ => throw new NotSupportedException($"No distinct test value for {type}."),
        };
    }

    private static object Normalize(object value) =>
        value switch
        {
            int i => (long)i,
            _ => value,
        };

    private sealed class RecordingWriter : FieldWriter
    {
        public List<object?> Values { get; } = [];

        public override void Integer(long value) => Values.Add(value);

        public override void NullableInteger(long? value) => Values.Add(value);

        public override void Text(string value) => Values.Add(value);

        public override void NullableText(string? value) => Values.Add(value);

        public override void Money(double value) => Values.Add(value);

        public override void Coordinate(double value) => Values.Add(value);

        public override void Boolean(bool value) => Values.Add(value);

        public override void Date(DateOnly value) => Values.Add(value);

        public override void Timestamp(DateTime value) => Values.Add(value);
    }
}
